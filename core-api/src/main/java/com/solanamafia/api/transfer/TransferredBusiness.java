package com.solanamafia.api.transfer;

import com.solanamafia.api.chain.Lamports;

/**
 * The business sync_business_ownership moved, as the old owner's history tells it (the chain event names only the
 * mint). {@code typeCode} is -1 and the amounts zero when the old owner's history did not hold it.
 */
public record TransferredBusiness(int typeCode, int level, Lamports baseInvested, Lamports totalInvested,
                                  int dailyRateBp) {
    public static final TransferredBusiness UNKNOWN = new TransferredBusiness(-1, 0, Lamports.ZERO, Lamports.ZERO, 0);

    public boolean known() {
        return typeCode >= 0;
    }
}
