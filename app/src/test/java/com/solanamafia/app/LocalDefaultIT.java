package com.solanamafia.app;

import com.solanamafia.testsupport.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command: the jar with nothing configured starts its own PostgreSQL, Redis and chain simulator,
 * is UP within 60 s, keeps its data across a crash (the servers a killed run leaves behind are stopped), and stops
 * cleanly on SIGTERM, taking its servers with it.
 */
class LocalDefaultIT {
    private static final List<String> CONFIGURATION = List.of("DATABASE_URL", "REDIS_URL", "SOLANA_RPC_URL",
            "SOLANA_WS_URL", "SPRING_DATASOURCE_URL", "SPRING_DATA_REDIS_URL", "SPRING_PROFILES_ACTIVE");

    private static final Pattern PLAYERS = Pattern.compile("\"players\":(\\d+)");

    @TempDir
    Path workDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void runsOnEmbeddedServersSurvivesACrashAndStopsCleanly() throws Exception {
        List<Process> apps = new ArrayList<>();
        try {
            Run first = start(apps);
            first.awaitUp();
            List<ProcessHandle> firstServers = serversOnDataDir();
            assertThat(firstServers).as("embedded PostgreSQL and Redis processes").hasSizeGreaterThanOrEqualTo(2);
            long players = first.awaitPlayers();

            first.process.destroyForcibly().waitFor();
            assertThat(firstServers.stream().filter(ProcessHandle::isAlive)).as("servers orphaned by kill -9").isNotEmpty();

            Run second = start(apps);
            second.awaitUp();
            assertThat(firstServers.stream().filter(ProcessHandle::isAlive)).as("orphans left by the killed run").isEmpty();
            assertThat(second.awaitPlayers()).as("players recorded before the crash").isGreaterThanOrEqualTo(players);
            List<ProcessHandle> secondServers = serversOnDataDir();
            assertThat(secondServers).hasSizeGreaterThanOrEqualTo(2);

            String beforeStop = Files.readString(second.log);
            second.process.destroy();
            assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).as("exits within 30 s of SIGTERM").isTrue();
            String shutdownLog = Files.readString(second.log).substring(beforeStop.length());
            assertThat(shutdownLog).as("shutdown log").doesNotContain(" ERROR ").doesNotContain(" WARN ");
            // pg_ctl returns once the postmaster removed its pid file, a moment before the process ends
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(secondServers.stream()
                    .filter(ProcessHandle::isAlive)).as("servers left after a clean stop").isEmpty());
        } finally {
            apps.forEach(Process::destroyForcibly);
            for (ProcessHandle server : serversOnDataDir()) {
                server.destroyForcibly();
            }
        }
    }

    private Run start(List<Process> apps) throws IOException {
        int port = FreePorts.any();
        Path log = Files.createTempFile(workDir, "app-", ".log");
        ProcessBuilder builder = new ProcessBuilder(PackagedJar.command("-Xmx512m", "-XX:TieredStopAtLevel=1"))
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        CONFIGURATION.forEach(env::remove);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SOLANA_MAFIA_DATA_DIR", workDir.resolve("data").toString());
        Run run = new Run(builder.start(), log, port);
        apps.add(run.process);
        return run;
    }

    private final class Run {
        final Process process;
        final Path log;
        final int port;

        Run(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        void awaitUp() throws Exception {
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                assertThat(process.isAlive()).as(() -> "app exited:\n" + tail()).isTrue();
                try {
                    HttpResponse<String> health = get("/health");
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // keep polling
                }
                Thread.sleep(250);
            }
            throw new AssertionError("/health not UP within 60 s:\n" + tail());
        }

        /** Players in the global stats read model, once the simulated game has produced at least one. */
        long awaitPlayers() throws Exception {
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                HttpResponse<String> stats = get("/api/v1/stats/global");
                assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
                Matcher players = PLAYERS.matcher(stats.body());
                assertThat(players.find()).as(stats.body()).isTrue();
                long count = Long.parseLong(players.group(1));
                if (count > 0) {
                    return count;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("no player recorded within 60 s:\n" + tail());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(log unreadable: " + e + ")";
            }
        }
    }

    /** The postmaster (started through pg_ctl, so not our descendant) and Redis, by the pid files in the data dir. */
    private List<ProcessHandle> serversOnDataDir() throws IOException {
        List<ProcessHandle> servers = new ArrayList<>();
        for (Path pidFile : List.of(Path.of("postgres", "postmaster.pid"), Path.of("redis", "redis.pid"))) {
            Path file = workDir.resolve("data").resolve(pidFile);
            if (Files.exists(file)) {
                ProcessHandle.of(Long.parseLong(Files.readAllLines(file).get(0).trim())).ifPresent(servers::add);
            }
        }
        return servers;
    }
}
