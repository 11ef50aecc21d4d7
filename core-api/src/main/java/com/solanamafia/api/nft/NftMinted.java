package com.solanamafia.api.nft;

import com.solanamafia.api.business.BusinessType;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import java.math.BigInteger;

/**
 * A business NFT was minted to a player (cb08020 BusinessNFTMinted). {@code serialNumber} is a u64.
 */
public record NftMinted(
        Wallet wallet,
        ChainFact fact,
        Wallet mint,
        int businessTypeCode,
        BigInteger serialNumber,
        Lamports investedAmount,
        int dailyRateBp,
        UnixTime mintedAt) implements ChainFactEvent {

    /** The business type, or null when the raw code is not one of the six. */
    public BusinessType businessType() {
        return BusinessType.fromCode(businessTypeCode);
    }
}
