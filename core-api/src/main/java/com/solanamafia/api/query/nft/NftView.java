package com.solanamafia.api.query.nft;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;

import java.time.Instant;
import java.util.List;

/**
 * A business NFT (cb08020). {@code status} is ACTIVE or BURNED; {@code serialNumber} is a u64 as a decimal string;
 * {@code level} is null until a business event names this mint. {@code history} lists every change of holder,
 * oldest first; it is present on the single-NFT resource only.
 */
public record NftView(
        Wallet mint,
        Wallet owner,
        String businessType,
        Integer businessTypeCode,
        Integer level,
        String serialNumber,
        Lamports investedLamports,
        Integer dailyRateBp,
        String status,
        Instant mintedAt,
        Instant burnedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<OwnershipChange> history) {

    /** One change of holder: MINTED (to), TRANSFERRED (from, to) or BURNED (from). */
    public record OwnershipChange(String kind, Wallet from, Wallet to, String signature, long slot, Instant at,
                                  long eventPosition) {
    }
}
