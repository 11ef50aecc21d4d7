package com.solanamafia.app;

import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;

/**
 * The packaged jar as tests start it in child JVMs. The jar is extracted once per build and a class data sharing
 * archive is recorded from one training start (Spring Boot's documented CDS set-up), which cuts each later start
 * from about 13 s to about 6 s here; the crash tests start the app two dozen times. If anything in that set-up
 * fails, children run the jar as it is, only slower.
 */
public final class PackagedJar {
    private static final Logger log = LoggerFactory.getLogger(PackagedJar.class);
    private static List<String> launch;

    private PackagedJar() {
    }

    /** {@code java <options> [-XX:SharedArchiveFile=...] -jar <jar>}, ready for more arguments. */
    public static List<String> command(String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(List.of(jvmOptions));
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(launch());
        return command;
    }

    private static synchronized List<String> launch() {
        if (launch == null) {
            Path jar = Path.of(System.getProperty("app.jar", "target/solana-mafia.jar")).toAbsolutePath();
            try {
                launch = withSharedArchive(jar);
            } catch (IOException | RuntimeException e) {
                log.warn("No CDS archive for the child JVMs ({}); they start the plain jar", e.toString());
                launch = List.of("-jar", jar.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                launch = List.of("-jar", jar.toString());
            }
        }
        return launch;
    }

    private static List<String> withSharedArchive(Path jar) throws IOException, InterruptedException {
        Path dir = jar.resolveSibling("cds");
        Path extracted = dir.resolve(jar.getFileName());
        Path archive = dir.resolve("app.jsa");
        Files.createDirectories(dir);
        // test forks run in parallel: one records the archive, the others wait for it
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            record(jar, dir, extracted, archive);
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", extracted.toString());
    }

    private static void record(Path jar, Path dir, Path extracted, Path archive) throws IOException, InterruptedException {
        Path recordedFor = dir.resolve("app.jsa.jar-fingerprint");
        String fingerprint = fingerprint(jar);
        if (!Files.exists(archive) || !Files.exists(recordedFor) || !Files.readString(recordedFor).equals(fingerprint)) {
            long started = System.nanoTime();
            Files.deleteIfExists(recordedFor);
            run(dir, List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", dir.toString()),
                    Map.of());
            Files.deleteIfExists(archive);
            TestPostgres.Database db = TestPostgres.freshDatabase("cds_training");
            run(dir, List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + archive,
                    "-Dspring.context.exit=onRefresh", "-Daxoniq.update-checker.disabled=true", "-jar", extracted.toString()),
                    Map.of("DATABASE_URL", db.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", db.user(),
                            "SPRING_DATASOURCE_PASSWORD", db.password(), "REDIS_URL", TestRedis.url(),
                            "SERVER_PORT", "0", "SOLANA_MAFIA_DATA_DIR", dir.resolve("training-data").toString(),
                            "SOLANA_MAFIA_EARNINGS_ENABLED", "false"));
            if (!Files.exists(archive)) {
                throw new IOException("the training run wrote no archive");
            }
            Files.writeString(recordedFor, fingerprint);
            log.info("CDS archive for child JVMs recorded in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * The jar's entries (names, CRCs, sizes) from its central directory: the build writes a new file every time,
     * with the same bytes when nothing changed (project.build.outputTimestamp), so its date says nothing.
     */
    static String fingerprint(Path jar) throws IOException {
        CRC32 crc = new CRC32();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            // layers.idx lists the same layers in an order that depends on how the build was started (-pl or not)
            zip.stream().filter(entry -> !entry.getName().equals("BOOT-INF/layers.idx")).forEach(entry -> {
                crc.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                crc.update(ByteBuffer.allocate(16).putLong(entry.getCrc()).putLong(entry.getSize()).flip());
            });
            return Files.size(jar) + ":" + zip.size() + ":" + Long.toHexString(crc.getValue());
        }
    }

    private static void run(Path dir, List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path output = dir.resolve("last-step.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit " + process.exitValue() + " from " + String.join(" ", command) + ", see " + output);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
