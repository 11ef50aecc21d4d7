package com.solanamafia.projections.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which of the rows a buffered read model holds changed since its last write: a row every event changes is listed
 * once, not put again in a map per event.
 */
public final class ChangedRows<R extends ChangedRows.Held> {
    /** A row held in memory. */
    public abstract static class Held {
        boolean changed;   // only ChangedRows sets it
    }

    private final List<R> changed = new ArrayList<>();

    public void changed(R row) {
        if (!row.changed) {
            row.changed = true;
            changed.add(row);
        }
    }

    /** The rows changed since the last call (each once), as {@code written} writes them; unchanged from now on. */
    public <T> List<T> take(Function<? super R, ? extends T> written) {
        List<T> rows = new ArrayList<>(changed.size());
        for (R row : changed) {
            rows.add(written.apply(row));
            row.changed = false;
        }
        changed.clear();
        return rows;
    }

    /** Forgets which rows changed (their owner drops them too). */
    public void clear() {
        changed.clear();
    }
}
