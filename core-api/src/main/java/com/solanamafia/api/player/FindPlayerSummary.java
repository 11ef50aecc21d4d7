package com.solanamafia.api.player;

import com.solanamafia.api.chain.Wallet;

/** Query: the summary of one player; answered with an {@code Optional<PlayerSummary>}-like nullable result. */
public record FindPlayerSummary(Wallet wallet) {
}
