package com.solanamafia.api.query.earnings;

import java.util.List;

/** A page of earnings buckets; {@code playerKnown} is false when no read model has seen the wallet. */
public record EarningsSeries(boolean playerKnown, List<EarningsBucket> buckets, String nextCursor,
                             long readModelPosition) {
}
