package com.solanamafia.app.cli;

import com.solanamafia.ingest.pipeline.IngestProgress;

/** One terminal line: bar, counts, rate, ETA, slot lag. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    static String render(IngestProgress.Snapshot s) {
        long total = s.transactionsToApply();
        long done = Math.min(total, s.transactionsApplied());
        double fraction = total == 0 ? 0 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format("[%s%s] %3d%%  %d/%d tx  %d events  %.0f tx/s  ETA %s  lag %s slots",
                "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(fraction * 100), done, total,
                s.eventsApplied(), s.transactionsPerSecond(), s.etaSeconds() == null ? "-" : s.etaSeconds() + "s",
                s.slotLag() < 0 ? "-" : Long.toString(s.slotLag()));
    }
}
