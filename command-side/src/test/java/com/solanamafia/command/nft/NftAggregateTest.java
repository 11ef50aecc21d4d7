package com.solanamafia.command.nft;

import com.solanamafia.api.nft.NftBurned;
import com.solanamafia.api.nft.NftMinted;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.nft.NftUpgraded;
import com.solanamafia.api.nft.RecordNftBurned;
import com.solanamafia.api.nft.RecordNftMinted;
import com.solanamafia.api.nft.RecordNftTransferred;
import com.solanamafia.api.nft.RecordNftUpgraded;
import com.solanamafia.api.transfer.RecordBusinessHandedOver;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static com.solanamafia.api.discrepancy.DiscrepancyRules.NFT_ALREADY_BURNED;
import static com.solanamafia.api.discrepancy.DiscrepancyRules.NFT_NEVER_MINTED;
import static com.solanamafia.api.discrepancy.DiscrepancyRules.NFT_TRANSFER_FROM_NON_OWNER;
import static com.solanamafia.command.support.Emitted.emits;
import static com.solanamafia.command.support.Samples.ALICE;
import static com.solanamafia.command.support.Samples.BOB;
import static com.solanamafia.command.support.Samples.MINT_A;
import static com.solanamafia.command.support.Samples.at;
import static com.solanamafia.command.support.Samples.fact;
import static com.solanamafia.command.support.Samples.sol;

/** NFT facts per mint: mint, burn, upgrade, transfer, and the contradictions among them. */
class NftAggregateTest {
    static final NftMinted MINTED_TO_ALICE = new NftMinted(ALICE, fact(1), MINT_A, 0, BigInteger.ONE, sol(0.1), 80, at(0));
    static final NftBurned BURNED = new NftBurned(ALICE, fact(2), MINT_A, 0, BigInteger.ONE, at(60));

    AggregateTestFixture<NftAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NftAggregate.class);
    }

    static RecordNftTransferred transfer(com.solanamafia.api.chain.Wallet from) {
        return new RecordNftTransferred(from, BOB, fact(10), MINT_A, at(600));
    }

    @Test
    void aMint() {
        fixture.givenNoPriorActivity()
                .when(new RecordNftMinted(ALICE, fact(1), MINT_A, 0, BigInteger.ONE, sol(0.1), 80, at(0)))
                .expectEvents(MINTED_TO_ALICE);
    }

    @Test
    void aBurnOfAMintedNft() {
        fixture.given(MINTED_TO_ALICE)
                .when(new RecordNftBurned(ALICE, fact(2), MINT_A, 0, BigInteger.ONE, at(60)))
                .expectEvents(BURNED);
    }

    @Test
    void anUpgradeOfAMintedNft() {
        fixture.given(MINTED_TO_ALICE)
                .when(new RecordNftUpgraded(ALICE, fact(10), MINT_A, 0, 1, 90))
                .expectEvents(new NftUpgraded(ALICE, fact(10), MINT_A, 0, 1, 90));
    }

    @Test
    void aTransferByTheOwner() {
        fixture.given(MINTED_TO_ALICE).when(transfer(ALICE))
                .expectEvents(new NftTransferred(ALICE, BOB, fact(10), MINT_A, at(600)))
                .expectResultMessagePayload(new RecordBusinessHandedOver(ALICE, BOB, fact(10), MINT_A, at(600)));
    }

    @Test
    void aRedeliveredTransferAnswersNothing() {
        fixture.given(MINTED_TO_ALICE, new NftTransferred(ALICE, BOB, fact(10), MINT_A, at(600)))
                .when(transfer(ALICE))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void theNewOwnerCanTransferOnward() {
        fixture.given(MINTED_TO_ALICE, new NftTransferred(ALICE, BOB, fact(3), MINT_A, at(60)))
                .when(new RecordNftTransferred(BOB, ALICE, fact(10), MINT_A, at(600)))
                .expectEventsMatching(emits("NftTransferred"));
    }

    @Test
    void aBurnWeNeverSawMinted() {
        fixture.givenNoPriorActivity()
                .when(new RecordNftBurned(ALICE, fact(10), MINT_A, 0, BigInteger.ONE, at(60)))
                .expectEventsMatching(emits("NftBurned", NFT_NEVER_MINTED));
    }

    @Test
    void aTransferWeNeverSawMinted() {
        fixture.givenNoPriorActivity().when(transfer(ALICE))
                .expectEventsMatching(emits("NftTransferred", NFT_NEVER_MINTED));
    }

    @Test
    void anUpgradeWeNeverSawMinted() {
        fixture.givenNoPriorActivity().when(new RecordNftUpgraded(ALICE, fact(10), MINT_A, 0, 1, 90))
                .expectEventsMatching(emits("NftUpgraded", NFT_NEVER_MINTED));
    }

    @Test
    void aTransferFromSomeoneElse() {
        fixture.given(MINTED_TO_ALICE).when(transfer(BOB))
                .expectEventsMatching(emits("NftTransferred", NFT_TRANSFER_FROM_NON_OWNER));
    }

    @Test
    void aTransferAfterTheBurn() {
        fixture.given(MINTED_TO_ALICE, BURNED).when(transfer(ALICE))
                .expectEventsMatching(emits("NftTransferred", NFT_ALREADY_BURNED));
    }

    @Test
    void aFactAlreadyAppliedIsIgnored() {
        fixture.given(MINTED_TO_ALICE, BURNED)
                .when(new RecordNftBurned(ALICE, fact(2), MINT_A, 0, BigInteger.ONE, at(60)))
                .expectNoEvents();
    }
}
