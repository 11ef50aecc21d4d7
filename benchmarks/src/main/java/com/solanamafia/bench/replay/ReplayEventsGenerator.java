package com.solanamafia.bench.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.referral.ReferralBonusCredited;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a synthetic game of {@code events} domain events over {@code players} wallets straight into the JDBC event
 * store (COPY), in the app's serialized form, for the replay benchmark: per player a PlayerJoined, then purchases,
 * accruals, upgrades, claims and referral bonuses, interleaved across players like live traffic.
 * {@code java -cp benchmarks.jar com.solanamafia.bench.replay.ReplayEventsGenerator <jdbc-url> <user> <events> <players>}
 * (the schema must exist: start the app once against the database, or run its migrations).
 */
public final class ReplayEventsGenerator {
    private ReplayEventsGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        long events = Long.parseLong(args[2]);
        int players = Integer.parseInt(args[3]);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Random random = new Random(42);
        Wallet[] wallets = new Wallet[players];
        long[] sequence = new long[players];
        for (int i = 0; i < players; i++) {
            byte[] key = new byte[32];
            ByteBuffer.wrap(key).putLong(0x5EED000000000000L | i).putLong(i * 31L + 7);
            key[31] = 1;
            wallets[i] = Wallet.ofBytes(key);
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        String now = Instant.now().toString();
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, System.getenv().getOrDefault("PGPASSWORD", ""))) {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY event_store.domain_event_entry "
                    + "(type, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type, "
                    + "payload_revision, payload, meta_data) FROM STDIN");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
            for (long n = 0; n < events; n++) {
                int p = n < players ? (int) n : random.nextInt(players);
                Wallet wallet = wallets[p];
                long slot = 400_000_000L + n / 4;
                Instant at = start.plusSeconds(n / 10);
                ChainFact fact = new ChainFact(new ChainPosition(signature(n), "0", 0), slot, at);
                UnixTime time = UnixTime.ofSeconds(at.getEpochSecond());
                Object event;
                if (sequence[p] == 0) {
                    event = new PlayerJoined(wallet, fact, Lamports.of(10_000_000), at, at.plusSeconds(86_400));
                } else {
                    int slotIndex = (int) (sequence[p] % 3);
                    event = switch ((int) (sequence[p] % 6)) {
                        case 1 -> new BusinessPurchased(wallet, fact, slotIndex, slotIndex, 0,
                                Lamports.of(100_000_000L + random.nextInt(1_000_000)), null, null, 80, null, time);
                        case 2, 4 -> new EarningsAccrued(wallet, fact, Lamports.of(1000 + random.nextInt(9000)),
                                Lamports.of(20_000), UnixTime.ofSeconds(at.getEpochSecond() + 86_400), 1);
                        case 3 -> new BusinessUpgraded(wallet, fact, slotIndex, slotIndex, 1, Lamports.of(20_000_000),
                                90, null, null, time, false);
                        case 5 -> new EarningsClaimed(wallet, fact, Lamports.of(5000), time);
                        default -> new ReferralBonusCredited(wallet, fact, wallets[random.nextInt(players)],
                                Lamports.of(1000), 1, time);
                    };
                }
                sequence[p]++;
                String payload = json.writeValueAsString(event);
                String meta = "{\"traceId\":\"bench\",\"correlationId\":\"bench\"}";
                String row = "PlayerAggregate\t" + wallet.base58() + "\t" + (sequence[p] - 1) + "\t" + UUID.randomUUID()
                        + "\t" + now + "\t" + event.getClass().getName() + "\t\\N\t" + bytea(payload) + "\t" + bytea(meta)
                        + "\n";
                buffer.writeBytes(row.getBytes(StandardCharsets.UTF_8));
                if (buffer.size() > (1 << 20)) {
                    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
                if ((n + 1) % 100_000 == 0) {
                    System.out.printf("%d events%n", n + 1);
                }
            }
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            copy.endCopy();
            c.commit();
        }
        System.out.printf("Wrote %d events over %d players in %.1f s%n", events, players,
                (System.nanoTime() - started) / 1e9);
    }

    private static String signature(long n) {
        return "bench" + Long.toString(n, 36) + "x".repeat(20);
    }

    private static String bytea(String text) {
        return "\\\\x" + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
