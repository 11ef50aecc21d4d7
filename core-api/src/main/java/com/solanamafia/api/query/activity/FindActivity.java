package com.solanamafia.api.query.activity;

import com.solanamafia.api.chain.Wallet;

/** Query: every domain event about a player, newest first; {@code cursor} continues a previous page. */
public record FindActivity(Wallet wallet, int limit, String cursor) {
}
