package com.solanamafia.api.query.player;

/** The player (null when the read model has never seen the wallet) and the read model's position. */
public record PlayerAnswer(PlayerView player, long readModelPosition) {
}
