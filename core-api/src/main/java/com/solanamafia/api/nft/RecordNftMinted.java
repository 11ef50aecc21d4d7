package com.solanamafia.api.nft;

import com.solanamafia.api.business.BusinessType;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.math.BigInteger;

/**
 * Chain fact: BusinessNFTMinted (cb08020 IDL only).
 */
public record RecordNftMinted(
        Wallet wallet,
        ChainFact fact,
        Wallet mint,
        int businessTypeCode,
        BigInteger serialNumber,
        Lamports investedAmount,
        int dailyRateBp,
        UnixTime mintedAt) implements ChainFactCommand {

    /** The business type, or null when the raw code is not one of the six. */
    public BusinessType businessType() {
        return BusinessType.fromCode(businessTypeCode);
    }

    /** NFT streams are keyed by {@link NftIds#aggregateId}, never by the bare mint, so they cannot collide with wallets. */
    @TargetAggregateIdentifier
    public String nftAggregateId() {
        return NftIds.aggregateId(mint);
    }
}
