package com.solanamafia.sim.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.sim.ledger.TransactionDraft;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a ledger file: JSON lines {@code {"slot":..,"blockTime":..,"signature":"..","err":null,"logMessages":[...]}}.
 * Every field but {@code logMessages} is optional (a missing slot means "the next slot after the previous
 * line"). The result is sorted by slot, keeping file order within a slot. Blank lines and lines starting
 * with {@code #} are skipped.
 */
public final class LedgerFile {
    private LedgerFile() {
    }

    public static List<TransactionDraft> read(Path file, ObjectMapper mapper) {
        List<Long> slots = new ArrayList<>();
        List<TransactionDraft> drafts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            long lastSlot = -1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                JsonNode n;
                try {
                    n = mapper.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": not JSON: " + e.getMessage());
                }
                if (!n.path("logMessages").isArray()) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": logMessages (array) is required");
                }
                List<String> logs = new ArrayList<>();
                n.get("logMessages").forEach(l -> logs.add(l.asText()));
                TransactionDraft draft = TransactionDraft.ofLogs(logs);
                long slot = n.path("slot").canConvertToLong() ? n.get("slot").asLong() : Math.max(0, lastSlot + 1);
                lastSlot = slot;
                draft.slot(slot);
                if (n.path("blockTime").canConvertToLong()) {
                    draft.blockTime(n.get("blockTime").asLong());
                }
                if (n.path("signature").isTextual()) {
                    draft.signature(n.get("signature").asText());
                }
                draft.err(n.get("err"));
                draft.versioned(n.path("version").asText("legacy").equals("0"));
                slots.add(slot);
                drafts.add(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ledger file " + file, e);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(slots::get));
        List<TransactionDraft> sorted = new ArrayList<>();
        order.forEach(i -> sorted.add(drafts.get(i)));
        return sorted;
    }
}
