package com.solanamafia.api.query.discrepancy;

import com.solanamafia.api.chain.Wallet;

/** Query: detected chain discrepancies, newest first, optionally of one wallet and/or one rule. */
public record FindDiscrepancies(Wallet wallet, String rule, int limit, String cursor) {
}
