package com.solanamafia.projections.leaderboard;

import com.solanamafia.projections.jooq.tables.records.LeaderboardEntryRecord;
import com.solanamafia.projections.jooq.tables.records.LeaderboardReferralRecord;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.ChangedRows;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.RowCache;
import com.solanamafia.projections.support.RowDefaults;
import com.solanamafia.projections.support.Times;
import com.solanamafia.projections.support.BatchWallets;
import com.solanamafia.api.referral.ReferralBonusCredited;
import org.axonframework.eventhandling.EventMessage;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.TableField;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_ENTRY;
import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_REFERRAL;

/** Leaderboards, buffered: rows change in memory as {@link SqlLeaderboardRows} changes them in the tables. */
public final class BufferedLeaderboards implements BufferedReadModel, LeaderboardRows {
    private record Referral(String referrer, String referred) {
    }

    /** The amount columns an event adds to, in the order {@link Entry#amounts} holds them. */
    private static final List<TableField<LeaderboardEntryRecord, BigInteger>> AMOUNTS = List.of(
            LEADERBOARD_ENTRY.EARNINGS_LAMPORTS, LEADERBOARD_ENTRY.CLAIMED_LAMPORTS,
            LEADERBOARD_ENTRY.INVESTED_LAMPORTS, LEADERBOARD_ENTRY.REFERRAL_BONUS_LAMPORTS);

    /**
     * An entry row as held in memory: most events change one, so it is a plain object rather than a jOOQ record
     * (whose get and set by column search the columns, and compare each set with the primary key's).
     */
    private static final class Entry extends ChangedRows.Held {
        final String wallet;
        final BigInteger[] amounts = new BigInteger[AMOUNTS.size()];
        int referralCount;
        long position;
        OffsetDateTime updatedAt;

        Entry(String wallet) {
            this.wallet = wallet;
        }

        static Entry of(LeaderboardEntryRecord row) {
            Entry entry = new Entry(row.getWallet());
            for (int i = 0; i < AMOUNTS.size(); i++) {
                entry.amounts[i] = row.get(AMOUNTS.get(i));
            }
            entry.referralCount = row.getReferralCount();
            entry.position = row.getEventPosition();
            entry.updatedAt = row.getUpdatedAt();
            return entry;
        }

        LeaderboardEntryRecord record() {
            return new LeaderboardEntryRecord(wallet, amounts[0], amounts[1], amounts[2], referralCount, amounts[3],
                    position, updatedAt);
        }
    }

    private final DSLContext db;
    private final LeaderboardProjection handler;
    private final BigInteger[] defaultAmounts = new BigInteger[AMOUNTS.size()];
    private final RowCache<String, Entry> entries;
    private final RowCache<Referral, Boolean> referrals;
    private final ChangedRows<Entry> changed = new ChangedRows<>();
    private final List<Referral> newReferrals = new ArrayList<>();

    public BufferedLeaderboards(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new LeaderboardProjection(db, positions, this);
        RowDefaults<LeaderboardEntryRecord> defaults = RowDefaults.of(db, LEADERBOARD_ENTRY);
        for (int i = 0; i < AMOUNTS.size(); i++) {
            defaultAmounts[i] = (BigInteger) defaults.value(AMOUNTS.get(i));
        }
        this.entries = new RowCache<>(wallet -> {
            LeaderboardEntryRecord row = db.fetchOne(LEADERBOARD_ENTRY, LEADERBOARD_ENTRY.WALLET.eq(wallet));
            return row == null ? null : Entry.of(row);
        }, capacity);
        this.referrals = new RowCache<>(pair -> db.fetchExists(LEADERBOARD_REFERRAL,
                LEADERBOARD_REFERRAL.REFERRER.eq(pair.referrer())
                        .and(LEADERBOARD_REFERRAL.REFERRED_PLAYER.eq(pair.referred()))) ? Boolean.TRUE : null,
                capacity);
    }

    @Override
    public boolean addReferral(String referrer, String referred) {
        Referral pair = new Referral(referrer, referred);
        if (referrals.get(pair) != null) {
            return false;
        }
        referrals.put(pair, Boolean.TRUE);
        newReferrals.add(pair);
        return true;
    }

    @Override
    public void add(String wallet, long position, TableField<LeaderboardEntryRecord, BigInteger> column,
                    BigInteger value, int referralCount) {
        int amount = amountIndex(column);
        Entry row = entries.get(wallet);
        if (row == null) {
            row = new Entry(wallet);
            System.arraycopy(defaultAmounts, 0, row.amounts, 0, defaultAmounts.length);
            row.amounts[amount] = value;
            row.referralCount = referralCount;
            entries.put(wallet, row);
        } else if (row.position < position) {
            row.amounts[amount] = row.amounts[amount].add(value);
            row.referralCount += referralCount;
        } else {
            return;
        }
        row.position = position;
        row.updatedAt = Times.now();
        changed.changed(row);
    }

    private static int amountIndex(TableField<LeaderboardEntryRecord, BigInteger> column) {
        for (int i = 0; i < AMOUNTS.size(); i++) {
            if (AMOUNTS.get(i) == column) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a leaderboard amount: " + column);
    }

    @Override
    public Object handler() {
        return handler;
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> batch) {
        BatchWallets.preload(db, LEADERBOARD_ENTRY, LEADERBOARD_ENTRY.WALLET, entries, batch, Entry::of);
        if (!referrals.partial()) {
            return;
        }
        Set<Referral> pairs = new java.util.HashSet<>();
        for (EventMessage<?> message : batch) {
            if (message.getPayload() instanceof ReferralBonusCredited bonus) {
                pairs.add(new Referral(bonus.wallet().base58(), bonus.referredPlayer().base58()));
            }
        }
        if (!pairs.isEmpty()) {
            Map<Referral, Boolean> known = new HashMap<>();
            db.selectFrom(LEADERBOARD_REFERRAL)
                    .where(LEADERBOARD_REFERRAL.REFERRER.eq(DSL.any(pairs.stream().map(Referral::referrer).distinct()
                            .toArray(String[]::new))))
                    .forEach(row -> known.put(new Referral(row.getReferrer(), row.getReferredPlayer()), Boolean.TRUE));
            referrals.preload(pairs, known);
        }
    }

    @Override
    public void writeSome() {
        if (referrals.partial()) {
            writeReferrals();   // while it holds every pair, the new ones wait for the write: all are new then
        }
        if (entries.full() || referrals.full()) {
            write();
        }
    }

    @Override
    public void write() {
        writeReferrals();
        BulkWrite.upsert(db, LEADERBOARD_ENTRY, changed.take(Entry::record), entries);
        entries.trim();
        referrals.trim();
    }

    private void writeReferrals() {
        List<LeaderboardReferralRecord> rows = new ArrayList<>(newReferrals.size());
        for (Referral pair : newReferrals) {
            rows.add(new LeaderboardReferralRecord(pair.referrer(), pair.referred()));
        }
        if (referrals.partial()) {
            BulkWrite.insertNew(db, LEADERBOARD_REFERRAL, rows);
        } else {
            BulkWrite.copy(db, LEADERBOARD_REFERRAL, rows);   // it holds every pair: these are new
        }
        newReferrals.clear();
    }

    @Override
    public void discard() {
        newReferrals.clear();
        changed.clear();
        entries.clear();
        referrals.clear();
    }
}
