package com.solanamafia.api.nft;

import com.solanamafia.api.business.BusinessType;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import java.math.BigInteger;

/**
 * A business NFT was burned (cb08020 BusinessNFTBurned: upgrade, sell, or deactivate_burned_business).
 */
public record NftBurned(
        Wallet wallet,
        ChainFact fact,
        Wallet mint,
        int businessTypeCode,
        BigInteger serialNumber,
        UnixTime burnedAt) implements ChainFactEvent {

    /** The business type, or null when the raw code is not one of the six. */
    public BusinessType businessType() {
        return BusinessType.fromCode(businessTypeCode);
    }
}
