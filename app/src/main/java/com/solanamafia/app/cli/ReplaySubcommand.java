package com.solanamafia.app.cli;

import com.solanamafia.app.SolanaMafia;
import com.solanamafia.projections.replay.ReplayJob;
import com.solanamafia.projections.replay.ReplayJobs;
import com.solanamafia.projections.replay.ReplayRunner;
import com.solanamafia.projections.replay.ReplayableProjections;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code replay <read-model>... | all}: rebuilds read models blue/green from the event store (README "Replay") with a
 * progress bar, while running instances keep serving; they stop the processors only for the switch. This process
 * runs no processors of its own. Exit codes: 0 done, 1 failed, 64 usage, 75 another replay is running.
 */
final class ReplaySubcommand {
    private ReplaySubcommand() {
    }

    static int run(String[] args) {
        List<String> names = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        if (names.isEmpty()) {
            System.err.println("usage: solana-mafia.jar replay <read-model>... | all\n  read models: "
                    + String.join(", ", ReplayableProjections.names()));
            return 64;
        }
        try {
            ReplayableProjections.resolve(names.equals(List.of("all")) ? List.of() : names);
        } catch (ReplayableProjections.NotReplayableException e) {
            System.err.println(e.getMessage());
            return 64;
        }
        String[] properties = {"solana-mafia.ingest.enabled=false", "solana-mafia.earnings.enabled=false",
                "solana-mafia.push.enabled=false", "solana-mafia.replay.run-processors=false",
                "solana-mafia.replay.parallelism=8", "spring.datasource.hikari.maximum-pool-size=16",
                "logging.level.root=WARN", "logging.level.com.solanamafia=WARN"};
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SolanaMafia.class)
                .web(WebApplicationType.NONE).properties(properties).run()) {
            ReplayRunner runner = context.getBean(ReplayRunner.class);
            ReplayJob job;
            try {
                job = runner.create(names.equals(List.of("all")) ? List.of() : names, "cli");
            } catch (ReplayJobs.ReplayConflictException e) {
                System.err.println("Another replay is running: " + e.getMessage());
                return 75;
            }
            return replay(runner, job);
        }
    }

    private static int replay(ReplayRunner runner, ReplayJob job) {
        PrintStream out = System.out;
        out.println("Replaying " + String.join(", ", job.projections()) + " (job " + job.id() + ")");
        ScheduledExecutorService bar = Executors.newSingleThreadScheduledExecutor();
        bar.scheduleAtFixedRate(() -> {
            ReplayJob now = runner.current();
            if (now != null) {
                out.print("\r" + render(now));
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
        ReplayJob last;
        try {
            last = runner.run(job);
        } finally {
            bar.shutdownNow();
        }
        out.println("\r" + render(last));
        if (last.state() == ReplayJob.State.DONE) {
            out.printf("Replay done: %d events in %s (%.0f events/s), %d failed events dead-lettered.%n",
                    last.eventsDone(), last.finishedAt() == null ? "-"
                            : java.time.Duration.between(last.createdAt(), last.finishedAt()).toMillis() / 1000.0 + " s",
                    last.eventsPerSecond(), last.failedEvents());
            return 0;
        }
        System.err.println("Replay failed: " + last.error() + " (the live read models are unchanged)");
        return 1;
    }

    static String render(ReplayJob j) {
        int width = 30;
        int filled = (int) Math.round(j.fractionDone() * width);
        return String.format("[%s%s] %3d%%  %d/%d events  %.0f events/s  ETA %s  %s   ",
                "#".repeat(filled), "-".repeat(width - filled), Math.round(j.fractionDone() * 100), j.eventsDone(),
                j.eventsTotal(), j.eventsPerSecond(), j.etaSeconds() == null ? "-" : j.etaSeconds() + "s",
                j.state());
    }
}
