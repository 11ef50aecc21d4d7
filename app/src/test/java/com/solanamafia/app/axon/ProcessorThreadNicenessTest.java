package com.solanamafia.app.axon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@EnabledOnOs(OS.LINUX)
class ProcessorThreadNicenessTest {

    @Test
    void readModelSagaAndDeadlineThreadsGetTheNicenessAndOtherThreadsKeepTheirs() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Thread readModel = parked("WorkPackage[nice-test]-0", done);
        Thread deadlines = parked("db-scheduler-pool-9-thread-1", done);
        Thread push = parked("EventProcessor[nice-test]-0", done);
        try {
            new ProcessorThreadNiceness(7).reniceNewThreads();

            assertThat(niceOf("WorkPackage[nic")).isEqualTo(7);
            assertThat(niceOf("db-scheduler-po")).isEqualTo(7);
            assertThat(niceOf("EventProcessor[")).isZero();
        } finally {
            done.countDown();
            readModel.join();
            deadlines.join();
            push.join();
        }
    }

    private static Thread parked(String name, CountDownLatch done) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            started.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.start();
        started.await();
        return thread;
    }

    /** The nice value (field 19 of /proc/self/task/TID/stat) of the thread whose 15-character OS name is given. */
    private static int niceOf(String osName) throws Exception {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(task.resolve("comm")).trim().equals(osName)) {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Integer.parseInt(fields[16]);
                }
            }
        }
        throw new AssertionError("no thread named " + osName);
    }
}
