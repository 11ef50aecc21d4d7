package com.solanamafia.projections.business;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.query.business.BusinessView;
import com.solanamafia.api.query.business.FindPlayerBusinesses;
import com.solanamafia.api.query.business.PlayerBusinesses;
import com.solanamafia.api.slot.SlotUnlocked;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.api.transfer.TransferredBusiness;
import com.solanamafia.projections.player.PlayerSummaryProjection;
import com.solanamafia.projections.support.Feed;
import com.solanamafia.projections.support.KnownPlayers;
import com.solanamafia.projections.support.ReadModelDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;

import static com.solanamafia.projections.jooq.Tables.BUSINESS_SLOT;
import static com.solanamafia.projections.support.ReadModelDb.ALICE;
import static com.solanamafia.projections.support.ReadModelDb.BOB;
import static com.solanamafia.projections.support.ReadModelDb.CAROL;
import static com.solanamafia.projections.support.ReadModelDb.MINT_A;
import static com.solanamafia.projections.support.ReadModelDb.MINT_B;
import static com.solanamafia.projections.support.ReadModelDb.fact;
import static org.assertj.core.api.Assertions.assertThat;

class PlayerBusinessesProjectionTest {
    static ReadModelDb rm;
    Feed feed;
    Feed players;
    PlayerBusinessesQueries queries;

    @BeforeAll
    static void database() {
        rm = ReadModelDb.fresh("player_businesses");
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    @BeforeEach
    void fresh() {
        feed = new Feed(new PlayerBusinessesProjection(rm.db, rm.positions));
        players = new Feed(new PlayerSummaryProjection(rm.db, rm.positions));
        feed.reset();
        players.reset();
        queries = new PlayerBusinessesQueries(rm.db, rm.positions, new KnownPlayers(rm.db));
    }

    void game() {
        Object[] events = {
                new PlayerJoined(ALICE, fact("j", 1, null), Lamports.of(1), Instant.EPOCH, null),
                new BusinessPurchased(ALICE, fact("p1", 2, "2026-05-01T10:00:00Z"), 0, 0, 0, Lamports.of(100_000_000),
                        Lamports.ZERO, Lamports.of(100_000_000), 200, null, UnixTime.ofSeconds(1)),
                new BusinessPurchased(ALICE, fact("p2", 3, "2026-05-01T11:00:00Z"), 4, 3, 0, Lamports.of(5_000_000_000L),
                        Lamports.of(500_000_000), Lamports.of(5_500_000_000L), 140, null, UnixTime.ofSeconds(2)),
                new BusinessUpgraded(ALICE, fact("u1", 4, null), 0, 0, 1, Lamports.of(20_000_000), 200, null, null,
                        UnixTime.ofSeconds(3), false),
                new BusinessPurchased(ALICE, fact("p3", 5, null), 7, 5, 0, Lamports.of(1), Lamports.of(2),
                        Lamports.of(3), 100, null, UnixTime.ofSeconds(4)),
                new BusinessSold(ALICE, fact("s1", 6, null), 7, 5, Lamports.of(1), BigInteger.ZERO, 25, 0, 25,
                        Lamports.of(0), UnixTime.ofSeconds(5), false),
                // cb08020: a business with an NFT, then its holder BOB takes it over into his lowest free slot
                new BusinessPurchased(CAROL, fact("p4", 7, null), 1, 1, 0, Lamports.of(500_000_000), null, null, 90,
                        MINT_A, UnixTime.ofSeconds(6)),
                new BusinessPurchased(BOB, fact("p5", 8, null), 0, 0, 0, Lamports.of(100_000_000), null, null, 80,
                        null, UnixTime.ofSeconds(7)),
                // the command side's three events of one BusinessTransferred: the NFT's, the old and the new owner's
                new NftTransferred(CAROL, BOB, fact("t1", 9, null), MINT_A, UnixTime.ofSeconds(8)),
                new BusinessHandedOver(CAROL, BOB, fact("t1", 9, null), MINT_A, 1, UnixTime.ofSeconds(8)),
                new BusinessTakenOver(BOB, CAROL, fact("t1", 9, null), MINT_A, 1,
                        new TransferredBusiness(1, 0, Lamports.of(500_000_000), Lamports.of(500_000_000), 90),
                        UnixTime.ofSeconds(8)),
                new SlotUnlocked(BOB, fact("su", 10, null), 3, Lamports.of(10_000_000), UnixTime.ofSeconds(9)),
        };
        feed.send(events);
        players.send(events);
    }

    @Test
    void listsOccupiedSlotsWithTheirBusinesses() {
        game();
        PlayerBusinesses alice = queries.handle(new FindPlayerBusinesses(ALICE, 50, null));
        assertThat(alice.playerKnown()).isTrue();
        assertThat(alice.businesses()).extracting(BusinessView::slotIndex).containsExactly(0, 4);
        BusinessView tobacco = alice.businesses().get(0);
        assertThat(tobacco.businessType()).isEqualTo("TobaccoShop");
        assertThat(tobacco.level()).isEqualTo(1);
        assertThat(tobacco.investedLamports()).isEqualTo(Lamports.of(120_000_000));
        assertThat(tobacco.dailyRateBp()).isEqualTo(200);
        assertThat(tobacco.since()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
        BusinessView restaurant = alice.businesses().get(1);
        assertThat(restaurant.businessType()).isEqualTo("ItalianRestaurant");
        assertThat(restaurant.investedLamports()).isEqualTo(Lamports.of(5_000_000_000L)); // slot cost excluded
        assertThat(restaurant.slotCostLamports()).isEqualTo(Lamports.of(500_000_000));
        assertThat(alice.readModelPosition()).isEqualTo(12);

        PlayerBusinesses bob = queries.handle(new FindPlayerBusinesses(BOB, 50, null));
        assertThat(bob.businesses()).extracting(BusinessView::slotIndex).containsExactly(0, 1);
        assertThat(bob.businesses().get(1).nftMint()).isEqualTo(MINT_A);
        assertThat(bob.businesses().get(1).businessType()).isEqualTo("FuneralService");
        assertThat(queries.handle(new FindPlayerBusinesses(CAROL, 50, null)).businesses()).isEmpty();
    }

    @Test
    void aTransferredBusinessKeepsWhatItWasInItsNewSlot() {
        game();
        BusinessView moved = queries.handle(new FindPlayerBusinesses(BOB, 50, null)).businesses().get(1);
        assertThat(moved.nftMint()).isEqualTo(MINT_A);
        assertThat(moved.level()).isZero();
        assertThat(moved.investedLamports()).isEqualTo(Lamports.of(500_000_000));
        assertThat(moved.dailyRateBp()).isEqualTo(90);
        assertThat(rm.db.fetchOne(BUSINESS_SLOT, BUSINESS_SLOT.WALLET.eq(CAROL.base58()).and(BUSINESS_SLOT.SLOT_INDEX.eq(1))))
                .satisfies(slot -> {
                    assertThat(slot.getOccupied()).isFalse();
                    assertThat(slot.getUnlocked()).isTrue();
                    assertThat(slot.getNftMint()).isNull();
                });
    }

    @Test
    void aTransferWithoutAKnownSlotChangesNoSlot() {
        feed.send(new BusinessPurchased(CAROL, fact("p", 1, null), 0, 1, 0, Lamports.of(5), null, null, 90, MINT_A,
                        UnixTime.ofSeconds(1)),
                new BusinessHandedOver(BOB, CAROL, fact("t", 2, null), MINT_B, null, UnixTime.ofSeconds(2)),
                new BusinessTakenOver(CAROL, BOB, fact("t", 2, null), MINT_B, null, TransferredBusiness.UNKNOWN,
                        UnixTime.ofSeconds(2)));
        assertThat(rm.db.fetchCount(BUSINESS_SLOT)).isEqualTo(1);
        assertThat(queries.handle(new FindPlayerBusinesses(CAROL, 50, null)).businesses()).hasSize(1);
    }

    @Test
    void pagesBySlotIndex() {
        game();
        PlayerBusinesses first = queries.handle(new FindPlayerBusinesses(ALICE, 1, null));
        assertThat(first.businesses()).extracting(BusinessView::slotIndex).containsExactly(0);
        assertThat(first.nextCursor()).isEqualTo("0");
        PlayerBusinesses second = queries.handle(new FindPlayerBusinesses(ALICE, 1, first.nextCursor()));
        assertThat(second.businesses()).extracting(BusinessView::slotIndex).containsExactly(4);
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void unknownPlayers() {
        assertThat(queries.handle(new FindPlayerBusinesses(ReadModelDb.wallet(77), 50, null)).playerKnown()).isFalse();
    }

    @Test
    void replayingEveryEventChangesNothing() {
        game();
        String once = rm.snapshot(BUSINESS_SLOT);
        feed.replay();
        assertThat(rm.snapshot(BUSINESS_SLOT)).isEqualTo(once);
    }
}
