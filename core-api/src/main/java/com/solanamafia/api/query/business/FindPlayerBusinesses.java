package com.solanamafia.api.query.business;

import com.solanamafia.api.chain.Wallet;

/** Query: the occupied slots of a player, by slot index, after {@code cursor} (null for the first page). */
public record FindPlayerBusinesses(Wallet wallet, int limit, String cursor) {
}
