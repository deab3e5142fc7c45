package org.stageboard.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;

/**
 * Runs one shell command locally in a folder with exactly the environment it is given (nothing
 * of this process's environment leaks in), streaming its merged output line by line into log
 * files and the progress, and keeping the last lines for the failure message. Cancelling stops
 * the whole process tree: TERM to the shell and every descendant, then, after a grace period,
 * KILL to whatever still lives (a child that ignores TERM included). Uses {@link ProcessHandle}
 * only: no {@code kill} command is ever run.
 */
public final class ProcessRunner {

    private static final int TAIL = 20;

    private final Duration grace;

    public ProcessRunner() {
        this(Duration.ofSeconds(5));
    }

    /** @param grace how long the tree has to end after TERM before it is killed */
    public ProcessRunner(Duration grace) {
        this.grace = grace;
    }

    /**
     * Runs the command with {@code /bin/sh -c} in {@code directory} with the environment {@code env}
     * (the whole environment: PATH and HOME included), appending its output to every log file.
     */
    public ProcessResult run(String command, Path directory, Map<String, String> env, List<Path> logs, Progress progress) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        List<Writer> writers = new ArrayList<>();
        try {
            for (Path log : logs) {
                Files.createDirectories(log.getParent());
                writers.add(Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            }
            process = builder.start();
        } catch (IOException e) {
            closeAll(writers);
            throw new StageboardException("Could not start the build command: " + e.getMessage(), e);
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread watchdog = cancelWatchdog(process, progress, grace);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                for (Writer writer : writers) {
                    writer.write(line);
                    writer.write('\n');
                    writer.flush();
                }
                progress.log(line);
                tail.addLast(line);
                if (tail.size() > TAIL) {
                    tail.removeFirst();
                }
            }
            int exit = process.waitFor();
            watchdog.join(grace.toMillis() + 10_000);
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            return new ProcessResult(exit, List.copyOf(tail));
        } catch (IOException e) {
            stopTree(process, grace);
            if (progress.isCancelled()) {
                // Cancelling destroys the process, which may close its output under the reader.
                throw new CancelledException();
            }
            throw new StageboardException("The build command's output could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            stopTree(process, grace);
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            watchdog.interrupt();
            closeAll(writers);
        }
    }

    private static void closeAll(List<Writer> writers) {
        for (Writer w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                // the log lines written so far are kept
            }
        }
    }

    private static Thread cancelWatchdog(Process process, Progress progress, Duration grace) {
        Thread t = new Thread(() -> {
            try {
                while (process.isAlive()) {
                    if (progress.isCancelled()) {
                        stopTree(process, grace);
                        return;
                    }
                    process.waitFor(100, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "build-cancel-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Stops the process and all its descendants: TERM to each, then KILL to those alive after the
     * grace period. The descendants are collected before the shell dies (its orphans are no longer
     * its descendants afterwards) and again while waiting, so that children started meanwhile are
     * caught too.
     */
    static void stopTree(Process process, Duration grace) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        collect(process.toHandle(), tree);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && tree.stream().anyMatch(ProcessHandle::isAlive)) {
            for (ProcessHandle h : List.copyOf(tree)) {
                if (h.isAlive()) {
                    h.descendants().filter(tree::add).forEach(ProcessHandle::destroy);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (ProcessHandle h : List.copyOf(tree)) {
            if (h.isAlive()) {
                h.descendants().forEach(tree::add);
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void collect(ProcessHandle root, Set<ProcessHandle> into) {
        into.add(root);
        root.descendants().forEach(into::add);
    }
}
