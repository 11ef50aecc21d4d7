package com.solanamafia.app.cli;

import com.solanamafia.app.SolanaMafia;
import com.solanamafia.ingest.lease.PostgresLease;
import com.solanamafia.ingest.pipeline.CatchUp;
import com.solanamafia.ingest.pipeline.IngestProgress;
import com.solanamafia.ingest.pipeline.IngestSettings;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code backfill [--from-slot N | --from-signature S] [--until SLOT]}: reads the program's history up to the
 * head (or SLOT) into the event store once, with a progress bar, and exits. It takes the ingest lease, so it
 * never runs beside a live ingester; the start options apply only when there is no checkpoint yet. Event
 * processors are stopped here so the event store gets the whole machine: read models catch up when the app runs.
 */
final class BackfillSubcommand {
    private BackfillSubcommand() {
    }

    static int run(String[] args) {
        CliArgs cli = CliArgs.parse(args);
        if (cli.has("--from-slot") && cli.has("--from-signature")) {
            System.err.println("usage: solana-mafia.jar backfill [--from-slot N | --from-signature S] [--until SLOT]");
            return 64;
        }
        List<String> properties = new ArrayList<>(List.of("solana-mafia.ingest.enabled=false", "logging.level.root=WARN",
                "logging.level.com.solanamafia=WARN"));
        if (cli.has("--from-slot")) {
            properties.add("solana-mafia.ingest.from-slot=" + Long.parseLong(cli.value("--from-slot")));
        }
        if (cli.has("--from-signature")) {
            properties.add("solana-mafia.ingest.from-signature=" + cli.value("--from-signature"));
        }
        Long until = cli.has("--until") ? Long.valueOf(cli.value("--until")) : null;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SolanaMafia.class)
                .web(WebApplicationType.NONE).properties(properties.toArray(String[]::new)).run()) {
            context.getBean(org.axonframework.config.EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
            IngestSettings settings = context.getBean(IngestSettings.class);
            try (PostgresLease lease = new PostgresLease(
                    com.solanamafia.app.ingest.IngestConfiguration.unpooled(context.getBean(DataSource.class)),
                    "ingest:" + settings.programId(), "backfill-cli")) {
                if (!lease.tryAcquire()) {
                    System.err.println("Another instance holds the ingest lease for " + settings.programId()
                            + "; it is ingesting already.");
                    return 75;
                }
                return backfill(context.getBean(CatchUp.class), context.getBean(IngestProgress.class), until);
            }
        }
    }

    private static int backfill(CatchUp catchUp, IngestProgress progress, Long until) {
        PrintStream out = System.out;
        ScheduledExecutorService bar = Executors.newSingleThreadScheduledExecutor();
        bar.scheduleAtFixedRate(() -> out.print("\r" + ProgressBar.render(progress.snapshot())), 0, 250, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        try {
            long applied = catchUp.run(until);
            bar.shutdownNow();
            double seconds = (System.nanoTime() - started) / 1e9;
            long events = progress.snapshot().eventsApplied();
            out.println("\r" + ProgressBar.render(progress.snapshot()));
            out.printf("Backfill done: %d transactions, %d events recorded in %.1f s (%.0f events/s).%n", applied, events,
                    seconds, events / seconds);
            return 0;
        } catch (RuntimeException e) {
            bar.shutdownNow();
            out.println();
            System.err.println("Backfill stopped: " + e.getMessage() + " (run it again: it resumes from the checkpoint)");
            return 1;
        }
    }
}
