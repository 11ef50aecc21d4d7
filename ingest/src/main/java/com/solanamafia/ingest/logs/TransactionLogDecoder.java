package com.solanamafia.ingest.logs;

import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.ingest.borsh.DecodeException;
import com.solanamafia.ingest.borsh.DecodedPayload;
import com.solanamafia.ingest.borsh.EventCodec;
import com.solanamafia.ingest.borsh.StrictBase64;
import com.solanamafia.ingest.idl.Discriminator;
import com.solanamafia.ingest.idl.IdlRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and decodes the Anchor events of the registry's programs in a transaction's {@code logMessages}.
 *
 * <h2>Attribution</h2>
 * The walk keeps the invoke stack: {@code Program <id> invoke [n]} pushes, {@code Program <id> success}
 * and {@code Program <id> failed: ...} pop. A {@code Program data: <base64>} line belongs to the program
 * on top of the stack, at whatever depth (so our program called through a CPI counts, and another
 * program's data lines never do, even when they decode as our events). {@code Program log:} and
 * {@code Program return:} lines are never events; lines not starting with {@code "Program "} are ignored.
 *
 * <h2>Positions</h2>
 * Instruction path: the index of the top-level invocation among the {@code invoke [1]} lines so far
 * (0-based), then, per deeper level, the index of the invocation among its siblings (the invocations
 * its parent made), joined with '.', e.g. "2" or "2.0.1". This is derived from the logs alone: it equals
 * the message's instruction index as long as every top-level instruction logs an invoke line, which
 * builtins such as ComputeBudget do; an instruction that logs nothing (e.g. a precompile on runtimes
 * that do not log them) would shift the later indexes, so callers that need message indexes must remap.
 * Ordinal: the index of the {@code Program data:} line among all such lines logged by that same
 * invocation itself, counting unknown and undecodable ones, so positions stay stable when an IDL update
 * later makes an unknown event decodable.
 *
 * <h2>Truncation</h2>
 * When logs exceed the runtime's byte budget, the first message that does not fit becomes
 * {@code Log truncated}, and later messages are still kept if they fit the bytes left. A message is
 * dropped only when it is at least as long as the budget left, and the budget never grows, so every
 * dropped message is strictly longer than every message kept after it. Invoke and success lines are at
 * most {@value #MAX_STRUCTURAL_LINE_BYTES} bytes ("Program " + a 44-character id + " invoke [NN]"), so
 * a data line of at least that many bytes kept after the marker has no invoke/success line dropped
 * before it: the stack, path and ordinal are exact and it is decoded normally. A shorter data line after
 * the marker cannot be placed safely; if it may be ours it is reported as a failure without position.
 * ({@code failed:} lines can be longer, but they only appear in failed transactions, which yield nothing.)
 *
 * <h2>Robustness</h2>
 * Nothing throws for bad data. An invoke depth or a success line that does not match the stack (malformed
 * logs) makes every later data line unattributable (reported as failures when they may be ours) rather
 * than guessed.
 */
public final class TransactionLogDecoder {
    /** Longest invoke / success line the runtime prints. */
    public static final int MAX_STRUCTURAL_LINE_BYTES = 64;
    /** Signature used in positions when the caller has none (e.g. the decode CLI). */
    public static final String NO_SIGNATURE = "unsigned";
    static final String LOG_TRUNCATED = "Log truncated";

    private final IdlRegistry registry;

    public TransactionLogDecoder(IdlRegistry registry) {
        this.registry = registry;
    }

    public IdlRegistry registry() {
        return registry;
    }

    public TransactionDecodeResult decode(String signature, List<String> logMessages, boolean failed) {
        return decode(signature, logMessages, failed, null, null);
    }

    /**
     * @param signature   the transaction signature, used in positions (null: {@link #NO_SIGNATURE})
     * @param logMessages {@code meta.logMessages}; null is treated as empty
     * @param failed      {@code meta.err != null}: nothing is decoded, the result says so
     * @param slot        selects the IDL version and is copied into events; null = newest IDL
     * @param blockTime   unix seconds, copied into events; may be null
     */
    public TransactionDecodeResult decode(String signature, List<String> logMessages, boolean failed, Long slot,
                                          Long blockTime) {
        List<String> logs = logMessages == null ? List.of() : logMessages;
        if (failed) {
            return new TransactionDecodeResult(List.of(), List.of(), List.of(), logs.contains(LOG_TRUNCATED), true);
        }
        String sig = signature == null || signature.isBlank() ? NO_SIGNATURE : signature;
        return new Walk(sig, slot, blockTime).run(logs);
    }

    private static final class Frame {
        final String programId;
        final String path;
        final IdlRegistry.Entry entry;
        final boolean registered;
        int children;
        int dataLines;

        Frame(String programId, String path, IdlRegistry.Entry entry, boolean registered) {
            this.programId = programId;
            this.path = path;
            this.entry = entry;
            this.registered = registered;
        }
    }

    private final class Walk {
        private final String signature;
        private final Long slot;
        private final Long blockTime;
        private final List<Frame> stack = new ArrayList<>();
        private final List<DecodedEvent> events = new ArrayList<>();
        private final List<DecodeFailure> failures = new ArrayList<>();
        private final List<UnknownEvent> unknown = new ArrayList<>();
        private int outerCount;
        private boolean truncated;
        private String inconsistency;

        Walk(String signature, Long slot, Long blockTime) {
            this.signature = signature;
            this.slot = slot;
            this.blockTime = blockTime;
        }

        TransactionDecodeResult run(List<String> logs) {
            for (int i = 0; i < logs.size(); i++) {
                String line = logs.get(i);
                if (line == null || !line.startsWith("Program ")) {
                    if (LOG_TRUNCATED.equals(line)) {
                        truncated = true;
                    }
                    continue;
                }
                if (line.startsWith("data: ", 8)) {
                    onData(line);
                    continue;
                }
                if (line.startsWith("log: ", 8) || line.startsWith("return: ", 8)) {
                    continue;
                }
                int space = line.indexOf(' ', 8);
                if (space < 0) {
                    continue;
                }
                if (line.startsWith(" invoke [", space) && line.endsWith("]")) {
                    int depth = parseDepth(line, space + 9, line.length() - 1);
                    if (depth > 0) {
                        onInvoke(line.substring(8, space), depth, i);
                    }
                } else if (line.length() == space + 8 && line.startsWith(" success", space)) {
                    onExit(line.substring(8, space), i);
                } else if (line.startsWith(" failed", space)) {
                    onExit(line.substring(8, space), i);
                }
            }
            return new TransactionDecodeResult(events, failures, unknown, truncated, false);
        }

        private void onInvoke(String programId, int depth, int lineIndex) {
            if (depth != stack.size() + 1) {
                inconsistent("line " + lineIndex + " invokes at depth " + depth + " with " + stack.size()
                        + " invocations open");
                while (stack.size() >= depth) {
                    stack.remove(stack.size() - 1);
                }
                while (stack.size() < depth - 1) {
                    push("?");
                }
            }
            push(programId);
        }

        private void push(String programId) {
            String path;
            if (stack.isEmpty()) {
                path = Integer.toString(outerCount++);
            } else {
                Frame parent = stack.get(stack.size() - 1);
                path = parent.path + "." + parent.children++;
            }
            boolean registered = registry.knows(programId);
            IdlRegistry.Entry entry = registered ? registry.lookup(programId, slot).orElse(null) : null;
            stack.add(new Frame(programId, path, entry, registered));
        }

        private void onExit(String programId, int lineIndex) {
            int top = stack.size() - 1;
            if (top >= 0 && stack.get(top).programId.equals(programId)) {
                stack.remove(top);
                return;
            }
            inconsistent("line " + lineIndex + " ends " + programId + " which is not the running program");
            for (int k = top; k >= 0; k--) {
                if (stack.get(k).programId.equals(programId)) {
                    while (stack.size() > k) {
                        stack.remove(stack.size() - 1);
                    }
                    return;
                }
            }
        }

        private void inconsistent(String what) {
            if (inconsistency == null) {
                inconsistency = what;
            }
        }

        private void onData(String line) {
            Frame top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
            if (inconsistency != null || top == null || (truncated && utf8Length(line) < MAX_STRUCTURAL_LINE_BYTES)) {
                unattributable(line, top);
                return;
            }
            int ordinal = top.dataLines++;
            if (!top.registered) {
                return;
            }
            ChainPosition position = new ChainPosition(signature, top.path, ordinal);
            if (top.entry == null) {
                failures.add(new DecodeFailure(position, line, "no IDL registered for program " + top.programId
                        + " at slot " + slot));
                return;
            }
            String base64 = line.substring(EventCodec.PROGRAM_DATA_PREFIX.length());
            if (base64.indexOf(' ') >= 0) {
                failures.add(new DecodeFailure(position, line,
                        "Program data line holds several base64 slices; an Anchor event is one"));
                return;
            }
            try {
                byte[] payload = StrictBase64.decode(base64);
                Optional<DecodedPayload> decoded = top.entry.codec().decode(payload);
                if (decoded.isPresent()) {
                    events.add(new DecodedEvent(position, top.programId, decoded.get().name(), decoded.get().fields(),
                            base64, slot, blockTime));
                } else {
                    unknown.add(new UnknownEvent(position, top.programId, Discriminator.hexOf(payload, 0), base64));
                }
            } catch (DecodeException e) {
                failures.add(new DecodeFailure(position, line, e.getMessage()));
            }
        }

        /** Reported only when the line may be ours: the best-guess frame is ours, or it decodes as one of our events. */
        private void unattributable(String line, Frame top) {
            if (top != null) {
                top.dataLines++;
            }
            if ((top != null && top.registered) || looksLikeOurEvent(line)) {
                String reason;
                if (inconsistency != null) {
                    reason = "cannot attribute: invoke/success nesting is inconsistent (" + inconsistency + ")";
                } else if (top == null) {
                    reason = "cannot attribute: Program data outside any program invocation";
                } else {
                    reason = "cannot attribute: logged after 'Log truncated' and shorter than "
                            + MAX_STRUCTURAL_LINE_BYTES + " bytes, so dropped invoke/success lines may precede it";
                }
                failures.add(new DecodeFailure(null, line, reason));
            }
        }

        private boolean looksLikeOurEvent(String line) {
            byte[] payload;
            try {
                payload = StrictBase64.decode(line.substring(EventCodec.PROGRAM_DATA_PREFIX.length()));
            } catch (DecodeException e) {
                return false;
            }
            for (String programId : registry.programIds()) {
                for (IdlRegistry.Entry e : registry.versions(programId)) {
                    if (e.codec().isEvent(payload)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static int parseDepth(String line, int from, int to) {
        if (to <= from || to - from > 3) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
