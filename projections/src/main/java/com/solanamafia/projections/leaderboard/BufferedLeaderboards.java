package com.solanamafia.projections.leaderboard;

import com.solanamafia.projections.jooq.tables.records.LeaderboardEntryRecord;
import com.solanamafia.projections.jooq.tables.records.LeaderboardReferralRecord;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_ENTRY;
import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_REFERRAL;

/** Leaderboards, buffered: rows change in memory as {@link SqlLeaderboardRows} changes them in the tables. */
public final class BufferedLeaderboards implements BufferedReadModel, LeaderboardRows {
    private record Referral(String referrer, String referred) {
    }

    private final DSLContext db;
    private final LeaderboardProjection handler;
    private final RowDefaults<LeaderboardEntryRecord> defaults;
    private final RowCache<String, LeaderboardEntryRecord> entries;
    private final RowCache<Referral, Boolean> referrals;
    private final Map<String, LeaderboardEntryRecord> changed = new LinkedHashMap<>();
    private final List<LeaderboardReferralRecord> newReferrals = new ArrayList<>();

    public BufferedLeaderboards(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new LeaderboardProjection(db, positions, this);
        this.defaults = RowDefaults.of(db, LEADERBOARD_ENTRY);
        this.entries = new RowCache<>(wallet -> db.fetchOne(LEADERBOARD_ENTRY, LEADERBOARD_ENTRY.WALLET.eq(wallet)),
                capacity);
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
        newReferrals.add(new LeaderboardReferralRecord(referrer, referred));
        return true;
    }

    @Override
    public void add(String wallet, long position, TableField<LeaderboardEntryRecord, BigInteger> column,
                    BigInteger value, int referralCount) {
        LeaderboardEntryRecord row = entries.get(wallet);
        if (row == null) {
            row = defaults.newRecord();
            row.setWallet(wallet);
            row.set(column, value);
            row.setReferralCount(referralCount);
            entries.put(wallet, row);
        } else if (row.getEventPosition() < position) {
            row.set(column, row.get(column).add(value));
            row.setReferralCount(row.getReferralCount() + referralCount);
        } else {
            return;
        }
        row.setEventPosition(position);
        row.setUpdatedAt(Times.now());
        changed.put(wallet, row);
    }

    @Override
    public Object handler() {
        return handler;
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> batch) {
        BatchWallets.preload(db, LEADERBOARD_ENTRY, LEADERBOARD_ENTRY.WALLET, entries, batch);
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
        writeReferrals();
        if (entries.full() || referrals.full()) {
            write();
        }
    }

    @Override
    public void write() {
        writeReferrals();
        BulkWrite.upsert(db, LEADERBOARD_ENTRY, changed.values(), entries);
        changed.clear();
        entries.trim();
        referrals.trim();
    }

    private void writeReferrals() {
        if (referrals.partial()) {
            BulkWrite.insertNew(db, LEADERBOARD_REFERRAL, newReferrals);
        } else {
            BulkWrite.copy(db, LEADERBOARD_REFERRAL, newReferrals);   // it holds every pair: these are new
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
