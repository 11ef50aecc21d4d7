package com.solanamafia.projections.replay;

import com.solanamafia.api.business.BusinessDeactivated;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.nft.NftBurned;
import com.solanamafia.api.nft.NftMinted;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.nft.NftUpgraded;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.api.slot.PremiumSlotPurchased;
import com.solanamafia.api.slot.SlotType;
import com.solanamafia.api.slot.SlotUnlocked;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.api.transfer.TransferredBusiness;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.ReadModelDb;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay's fast path must build exactly the rows the live handlers build: for EVERY replayable read model, a
 * generated game with every event type (and the awkward cases: transfers to oneself, sales of unknown value, repeated
 * referrals, events without block time, events no read model knows) is applied in batches once through the plain
 * handler and once through the buffered one, into two databases, and every row must be equal. With a cache of one
 * row the buffered handlers read back from the tables what they dropped between batches.
 */
class BufferedReadModelsTest {
    static final Instant RECORDED = Instant.parse("2026-06-01T00:00:00Z");
    static final int BATCH = 25;
    static ReadModelDb live;
    static ReadModelDb buffered;

    @BeforeAll
    static void databases() {
        live = ReadModelDb.fresh("buffered_live");
        buffered = ReadModelDb.fresh("buffered_fast");
    }

    @AfterAll
    static void close() {
        live.close();
        buffered.close();
    }

    /** {@code writeOnce}: as a replay writes, only what cannot wait per batch ({@code writeSome}), the rest at the end. */
    @ParameterizedTest(name = "{0} rows cached, written once: {1}")
    @CsvSource({"1000000, false", "1, false", "1000000, true", "1, true"})
    void bufferedHandlersBuildTheRowsThePlainHandlersBuild(int cachedRows, boolean writeOnce) {
        List<TrackedEventMessage<?>> game = game(cachedRows);
        assertThat(ReplayableProjections.names()).hasSize(8);
        for (ReplayableProjections.Spec spec : ReplayableProjections.resolve(List.of("all"))) {
            for (String table : tablesOf(spec)) {
                live.db.execute("TRUNCATE read_model." + table);
                buffered.db.execute("TRUNCATE read_model." + table);
            }
            AnnotationEventHandlerAdapter plain = new AnnotationEventHandlerAdapter(spec.newHandler(live.db));
            BufferedReadModel fast = spec.newBufferedHandler(buffered.db, cachedRows);
            AnnotationEventHandlerAdapter fastAdapter = new AnnotationEventHandlerAdapter(fast.handler());
            for (int from = 0; from < game.size(); from += BATCH) {
                List<TrackedEventMessage<?>> batch = game.subList(from, Math.min(game.size(), from + BATCH));
                inUnitOfWork(batch, plain, () -> { });
                inUnitOfWork(batch, fastAdapter, writeOnce ? fast::writeSome : fast::write);
            }
            if (writeOnce) {
                fast.write();
            }
            for (String table : tablesOf(spec)) {
                assertThat(rows(buffered, table, spec.name())).as(spec.name() + ": " + table)
                        .isNotEmpty().isEqualTo(rows(live, table, spec.name()));
            }
        }
    }

    static List<String> tablesOf(ReplayableProjections.Spec spec) {
        List<String> tables = new ArrayList<>(spec.tables());
        tables.add(ReplayableProjections.POSITION_TABLE);
        return tables;
    }

    static void inUnitOfWork(List<TrackedEventMessage<?>> batch, AnnotationEventHandlerAdapter handler,
                             Runnable beforeCommit) {
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(batch.get(0));
        try {
            for (TrackedEventMessage<?> event : batch) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
            beforeCommit.run();
        } catch (Exception e) {
            uow.rollback(e);
            throw new IllegalStateException(e);
        }
        uow.commit();
    }

    /** Every row (without updated_at, which says when it was written) as text, sorted. */
    static List<String> rows(ReadModelDb db, String table, String projection) {
        List<String> columns = db.db.fetch("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                + "'read_model' AND table_name = ? AND column_name <> 'updated_at' ORDER BY ordinal_position", table)
                .getValues(0, String.class);
        String where = table.equals(ReplayableProjections.POSITION_TABLE) ? " WHERE projection = '" + projection + "'"
                : "";
        return db.db.fetch("SELECT (ROW(" + String.join(", ", columns) + ", NULL))::text FROM read_model." + table
                + where + " ORDER BY 1").getValues(0, String.class);
    }

    /** A random but reproducible game over a few wallets, so that rows change many times, across batches. */
    static List<TrackedEventMessage<?>> game(int seed) {
        Random random = new Random(seed);
        Wallet[] wallets = new Wallet[7];
        for (int i = 0; i < wallets.length; i++) {
            wallets[i] = ReadModelDb.wallet(10 + i);
        }
        List<Wallet> mints = new ArrayList<>();
        Map<Wallet, Wallet> holders = new java.util.HashMap<>();
        List<Object> events = new ArrayList<>();
        for (Wallet wallet : wallets) {
            events.add(new PlayerJoined(wallet, fact(events.size(), random), Lamports.of(10_000_000),
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z")));
        }
        for (int n = 0; n < 700; n++) {
            Wallet wallet = wallets[random.nextInt(wallets.length)];
            Wallet other = wallets[random.nextInt(wallets.length)];
            ChainFact fact = fact(events.size(), random);
            UnixTime time = random.nextInt(4) == 0 ? null : UnixTime.ofSeconds(1_767_225_600L + n * 3_600L);
            Wallet someMint = mints.isEmpty() ? ReadModelDb.wallet(90) : mints.get(random.nextInt(mints.size()));
            int slot = random.nextInt(6);
            events.add(switch (random.nextInt(17)) {
                case 0, 1 -> {
                    Wallet mint = random.nextBoolean() ? newMint(mints) : null;
                    if (mint != null) {
                        holders.put(mint, wallet);
                    }
                    yield new BusinessPurchased(wallet, fact, slot, random.nextInt(7), 0, lamports(random, 1_000_000),
                            random.nextBoolean() ? lamports(random, 1000) : null, null, 80 + random.nextInt(40), mint,
                            time);
                }
                case 2 -> new BusinessUpgraded(wallet, fact, slot, 0, 1 + random.nextInt(3), lamports(random, 500_000),
                        90, null, random.nextBoolean() ? newMint(mints) : null, time, false);
                case 3 -> new BusinessSold(wallet, fact, slot, null,
                        random.nextBoolean() ? lamports(random, 3_000_000) : null, BigInteger.ONE, 10, 0, 10,
                        lamports(random, 900_000), time, false);
                case 4 -> new BusinessDeactivated(wallet, fact, someMint, "expired", time);
                case 5, 6 -> new EarningsAccrued(wallet, fact, lamports(random, 9000), lamports(random, 20_000),
                        random.nextBoolean() ? UnixTime.ofSeconds(1_767_312_000L + n) : null, random.nextInt(4));
                case 7 -> new EarningsClaimed(wallet, fact, lamports(random, 5000), time);
                case 8 -> new ReferralBonusCredited(wallet, fact, other, lamports(random, 1000), 1, time);
                case 9 -> new SlotUnlocked(wallet, fact, 3 + random.nextInt(3), lamports(random, 100_000), time);
                case 10 -> new PremiumSlotPurchased(wallet, fact, SlotType.values()[random.nextInt(SlotType.values().length)],
                        6 + random.nextInt(3), lamports(random, 200_000), time);
                case 11 -> new NftMinted(wallet, fact, newMint(mints), random.nextInt(6), BigInteger.valueOf(n),
                        lamports(random, 1_000_000), 100, time);
                case 12 -> {
                    // from the mint's last holder (a wallet can hold a mint in one occupied slot only)
                    Wallet holder = holders.getOrDefault(someMint, wallet);
                    Wallet to = random.nextInt(5) == 0 ? holder : other;
                    holders.put(someMint, to);
                    // the command side's three events of one BusinessTransferred; slots unknown now and then
                    events.add(new NftTransferred(holder, to, fact, someMint, time));
                    events.add(new BusinessHandedOver(holder, to, fact, someMint,
                            random.nextInt(5) == 0 ? null : slot, time));
                    TransferredBusiness business = random.nextInt(4) == 0 ? TransferredBusiness.UNKNOWN
                            : new TransferredBusiness(random.nextInt(6), random.nextInt(4), lamports(random, 1_000_000),
                            lamports(random, 2_000_000), 80 + random.nextInt(40));
                    yield new BusinessTakenOver(to, holder, fact, someMint,
                            random.nextInt(5) == 0 ? null : random.nextInt(9), business, time);
                }
                case 13 -> new NftUpgraded(wallet, fact, someMint, 0, 2, 120);
                case 14 -> new NftBurned(wallet, fact, someMint, random.nextInt(6), BigInteger.valueOf(n), time);
                case 15 -> new ChainDiscrepancyDetected(wallet, fact, "rule-" + random.nextInt(3), "reason " + n);
                default -> "an event no read model knows";
            });
        }
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i + 1),
                    new GenericEventMessage<>(UUID.randomUUID().toString(), events.get(i), Map.of(), RECORDED)));
        }
        return messages;
    }

    static ChainFact fact(int n, Random random) {
        Instant blockTime = random.nextInt(5) == 0 ? null : Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n * 1_800L);
        return new ChainFact(new ChainPosition("sig" + n, "0", 0), 1000 + n, blockTime);
    }

    static Lamports lamports(Random random, int max) {
        return Lamports.of(1 + random.nextInt(max));
    }

    static Wallet newMint(List<Wallet> mints) {
        Wallet mint = ReadModelDb.wallet(100 + mints.size());
        mints.add(mint);
        return mint;
    }
}
