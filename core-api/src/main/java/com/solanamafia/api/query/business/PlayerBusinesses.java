package com.solanamafia.api.query.business;

import java.util.List;

/** A page of a player's businesses; {@code playerKnown} is false when no read model has seen the wallet. */
public record PlayerBusinesses(boolean playerKnown, List<BusinessView> businesses, String nextCursor,
                               long readModelPosition) {
}
