package com.solanamafia.command.support;

import com.solanamafia.api.business.BusinessDeactivated;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.business.LegacyBusinessCreated;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.api.transfer.TransferredBusiness;
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

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** Shared test values: wallets, chain facts and one sample of every domain event. */
public final class Samples {
    public static final Wallet ALICE = Wallet.of("33jmAYTeKuUUBy2umymj8ruj3eg1d1DiuUGktnwjkzGY");
    public static final Wallet BOB = Wallet.of("5KnFwaryaNBBvUzv7CspV7HZB54LFTPKo5vvuWC3vD5P");
    public static final Wallet MINT_A = Wallet.of("EhB2psL3utppwmFf5an9xWHmbTWdMHuwuxhx69RPkxo3");
    public static final Wallet MINT_B = Wallet.of("ccZaFRvtmjNy8jAi6MKp7mYZakp657WMXcRw6w4TCHy");
    public static final long T0 = 1_770_000_000L;
    public static final Lamports HUGE = new Lamports(Lamports.U64_MAX);

    private Samples() {
    }

    /** The n-th fact: signature "sig{n}", slot 1000+n, block time T0+n minutes. */
    public static ChainFact fact(int n) {
        return new ChainFact(new ChainPosition("sig" + n, "0", 0), 1000 + n, Instant.ofEpochSecond(T0 + 60L * n));
    }

    public static UnixTime at(long offsetSeconds) {
        return UnixTime.ofSeconds(T0 + offsetSeconds);
    }

    public static Lamports sol(double sol) {
        return Lamports.of(Math.round(sol * 1_000_000_000L));
    }

    public static List<Object> oneOfEveryEvent() {
        return List.of(
                new PlayerJoined(ALICE, fact(1), Lamports.of(10), Instant.ofEpochSecond(T0), null,
                        at(0), UnixTime.ofSeconds(-423609452663539833L)),
                new BusinessPurchased(ALICE, fact(2), 0, 0, 0, sol(0.1), null, null, 200, MINT_A, at(1)),
                new BusinessPurchased(ALICE, fact(3), 1, 250, 2, sol(0.1), Lamports.ZERO, sol(0.1), 200, null, at(2)),
                new LegacyBusinessCreated(ALICE, fact(4), 3, HUGE, 80, Lamports.of(1), at(3)),
                new BusinessUpgraded(ALICE, fact(5), 0, 0, 1, sol(0.02), 200, MINT_A, MINT_B, at(4), false),
                new BusinessUpgraded(ALICE, fact(6), 7, null, 2, sol(0.05), 90, null, null, null, true),
                new BusinessSold(ALICE, fact(7), 0, 0, sol(0.12), new BigInteger("18446744073709551615"), 25, 0, 25,
                        sol(0.09), at(5), false),
                new BusinessSold(ALICE, fact(8), 2, null, null, BigInteger.TEN, null, null, 5, sol(1), null, true),
                new BusinessDeactivated(ALICE, fact(9), MINT_A, "nft_burned", at(6)),
                new EarningsAccrued(ALICE, fact(10), sol(0.002), sol(0.002), at(86_400), 1),
                new EarningsClaimed(ALICE, fact(11), sol(0.002), at(7)),
                new NftMinted(ALICE, fact(12), MINT_A, 0, BigInteger.ONE, sol(0.1), 80, at(8)),
                new NftBurned(ALICE, fact(13), MINT_A, 0, BigInteger.ONE, at(9)),
                new NftUpgraded(ALICE, fact(14), MINT_A, 0, 1, 90),
                new NftTransferred(ALICE, BOB, fact(15), MINT_A, at(10)),
                new BusinessHandedOver(ALICE, BOB, fact(20), MINT_A, 0, at(10)),
                new BusinessHandedOver(ALICE, BOB, fact(21), MINT_A, null, at(10)),
                new BusinessTakenOver(BOB, ALICE, fact(22), MINT_A, 4, new TransferredBusiness(0, 1, HUGE, HUGE, 90), at(10)),
                new BusinessTakenOver(BOB, ALICE, fact(23), MINT_A, null, TransferredBusiness.UNKNOWN, at(10)),
                new SlotUnlocked(ALICE, fact(16), 3, sol(0.01), at(11)),
                new PremiumSlotPurchased(ALICE, fact(17), SlotType.VIP, 6, sol(25), at(12)),
                new ReferralBonusCredited(ALICE, fact(18), BOB, Lamports.of(5), 1, at(13)),
                new ChainDiscrepancyDetected(ALICE, fact(19), "some-rule", "because"));
    }
}
