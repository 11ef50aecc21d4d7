package com.solanamafia.projections.nft;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.nft.NftBurned;
import com.solanamafia.api.nft.NftMinted;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.query.nft.FindNft;
import com.solanamafia.api.query.nft.FindPlayerNfts;
import com.solanamafia.api.query.nft.NftView;
import com.solanamafia.api.query.nft.PlayerNfts;
import com.solanamafia.projections.support.Feed;
import com.solanamafia.projections.support.KnownPlayers;
import com.solanamafia.projections.support.ReadModelDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;

import static com.solanamafia.projections.jooq.Tables.NFT;
import static com.solanamafia.projections.jooq.Tables.NFT_OWNERSHIP;
import static com.solanamafia.projections.support.ReadModelDb.ALICE;
import static com.solanamafia.projections.support.ReadModelDb.BOB;
import static com.solanamafia.projections.support.ReadModelDb.MINT_A;
import static com.solanamafia.projections.support.ReadModelDb.MINT_B;
import static com.solanamafia.projections.support.ReadModelDb.fact;
import static org.assertj.core.api.Assertions.assertThat;

class NftProjectionTest {
    static ReadModelDb rm;
    Feed feed;
    NftQueries queries;

    @BeforeAll
    static void database() {
        rm = ReadModelDb.fresh("nfts");
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    @BeforeEach
    void fresh() {
        feed = new Feed(new NftProjection(rm.db, rm.positions));
        feed.reset();
        queries = new NftQueries(rm.db, rm.positions, new KnownPlayers(rm.db));
    }

    /** cb08020 create_business, then upgrade (burn A, mint B at level 1), then BOB takes B over. */
    void game() {
        feed.send(
                new NftMinted(ALICE, fact("c", 1, "2026-05-01T10:00:00Z"), MINT_A, 0, BigInteger.ONE,
                        Lamports.of(100_000_000), 80, UnixTime.ofSeconds(1)),
                new BusinessPurchased(ALICE, fact("c", 1, null), 0, 0, 0, Lamports.of(100_000_000), null, null, 80,
                        MINT_A, UnixTime.ofSeconds(1)),
                new NftBurned(ALICE, fact("u", 2, "2026-05-02T10:00:00Z"), MINT_A, 0, BigInteger.ONE,
                        UnixTime.ofSeconds(2)),
                new NftMinted(ALICE, fact("u", 2, "2026-05-02T10:00:00Z"), MINT_B, 0, BigInteger.valueOf(2),
                        Lamports.of(120_000_000), 90, UnixTime.ofSeconds(2)),
                new BusinessUpgraded(ALICE, fact("u", 2, null), 0, 0, 1, Lamports.of(20_000_000), 90, MINT_A, MINT_B,
                        UnixTime.ofSeconds(2), false),
                new NftTransferred(ALICE, BOB, fact("t", 3, "2026-05-03T10:00:00Z"), MINT_B, UnixTime.ofSeconds(3)));
    }

    @Test
    void tracksStatusLevelAndOwnership() {
        game();
        NftView a = queries.handle(new FindNft(MINT_A)).nft();
        assertThat(a.status()).isEqualTo("BURNED");
        assertThat(a.owner()).isEqualTo(ALICE);
        assertThat(a.level()).isZero();
        assertThat(a.businessType()).isEqualTo("TobaccoShop");
        assertThat(a.burnedAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(a.history()).extracting(NftView.OwnershipChange::kind).containsExactly("MINTED", "BURNED");

        NftView b = queries.handle(new FindNft(MINT_B)).nft();
        assertThat(b.status()).isEqualTo("ACTIVE");
        assertThat(b.owner()).isEqualTo(BOB);
        assertThat(b.level()).isEqualTo(1);
        assertThat(b.serialNumber()).isEqualTo("2");
        assertThat(b.investedLamports()).isEqualTo(Lamports.of(120_000_000));
        assertThat(b.history()).extracting(NftView.OwnershipChange::kind).containsExactly("MINTED", "TRANSFERRED");
        assertThat(b.history().get(1).from()).isEqualTo(ALICE);
        assertThat(b.history().get(1).to()).isEqualTo(BOB);

        assertThat(queries.handle(new FindNft(ReadModelDb.wallet(99))).nft()).isNull();
    }

    @Test
    void listsAPlayersNftsNewestFirst() {
        game();
        PlayerNfts alice = queries.handle(new FindPlayerNfts(ALICE, 50, null));
        assertThat(alice.nfts()).extracting(NftView::mint).containsExactly(MINT_A);
        assertThat(alice.nfts().get(0).history()).isNull();
        PlayerNfts bob = queries.handle(new FindPlayerNfts(BOB, 50, null));
        assertThat(bob.nfts()).extracting(NftView::mint).containsExactly(MINT_B);
    }

    @Test
    void replayingEveryEventChangesNothing() {
        game();
        String once = rm.snapshot(NFT, NFT_OWNERSHIP);
        feed.replay();
        assertThat(rm.snapshot(NFT, NFT_OWNERSHIP)).isEqualTo(once);
    }
}
