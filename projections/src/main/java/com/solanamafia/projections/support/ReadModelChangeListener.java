package com.solanamafia.projections.support;

import java.util.Set;

/**
 * Told after a processor batch has committed which wallets each read model changed (for cache invalidation; the
 * app wires it to the query side's Redis cache, so this module imports nothing of the query side). Called on the
 * processor's thread after the commit: keep it short and never throw.
 */
public interface ReadModelChangeListener {
    void changed(String projection, Set<String> wallets);
}
