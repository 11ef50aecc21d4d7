package com.solanamafia.api.query.player;

import com.solanamafia.api.chain.Wallet;

/** Query: one player's summary; answered with {@link PlayerAnswer}. */
public record FindPlayer(Wallet wallet) {
}
