package com.solanamafia.command.support;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.player.PlayerJoined;

import java.time.Instant;

import static com.solanamafia.command.support.Samples.ALICE;
import static com.solanamafia.command.support.Samples.MINT_A;
import static com.solanamafia.command.support.Samples.T0;
import static com.solanamafia.command.support.Samples.at;
import static com.solanamafia.command.support.Samples.fact;
import static com.solanamafia.command.support.Samples.sol;

/** Given-events for Alice's history; fact numbers 1..9 are used here, tests use 10 and above. */
public final class PlayerFacts {
    private PlayerFacts() {
    }

    public static PlayerJoined joined() {
        return new PlayerJoined(ALICE, fact(1), Lamports.of(12_345_679), Instant.ofEpochSecond(T0), null);
    }

    /** HEAD: a 0.1 SOL TobaccoShop (200 bp) in free slot 0. */
    public static BusinessPurchased tobaccoInSlot0() {
        return new BusinessPurchased(ALICE, fact(2), 0, 0, 0, sol(0.1), Lamports.ZERO, sol(0.1), 200, null, at(120));
    }

    /** cb08020: a 0.1 SOL TobaccoShop (80 bp) with NFT mint A in slot 0. */
    public static BusinessPurchased nftTobaccoInSlot0() {
        return new BusinessPurchased(ALICE, fact(2), 0, 0, 0, sol(0.1), null, null, 80, MINT_A, at(120));
    }

    /** HEAD: slot 0 upgraded 0 -> 1 for 0.02 SOL. */
    public static BusinessUpgraded slot0ToLevel1() {
        return new BusinessUpgraded(ALICE, fact(3), 0, 0, 1, sol(0.02), 200, null, null, at(180), false);
    }

    /** One day of the HEAD tobacco shop: 0.002 SOL, pending 0.002 SOL. */
    public static EarningsAccrued firstDay() {
        return new EarningsAccrued(ALICE, fact(4), sol(0.002), sol(0.002), at(2 * 86_400), 1);
    }
}
