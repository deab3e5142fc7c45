package org.stageboard.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;

/**
 * Runs one shell command locally in a folder, streaming its merged output line by line into a
 * log file and the progress, and keeping the last lines for the failure message. Cancelling
 * destroys the process and its children.
 */
public final class ProcessRunner {

    private static final int TAIL = 20;

    public ProcessResult run(String command, Path directory, Map<String, String> extraEnv, Path log, Progress progress) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(extraEnv);
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new StageboardException("Could not start the build command: " + e.getMessage(), e);
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread watchdog = cancelWatchdog(process, progress);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = out.readLine()) != null) {
                writer.write(line);
                writer.write('\n');
                writer.flush();
                progress.log(line);
                tail.addLast(line);
                if (tail.size() > TAIL) {
                    tail.removeFirst();
                }
            }
            int exit = process.waitFor();
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            return new ProcessResult(exit, List.copyOf(tail));
        } catch (IOException e) {
            destroyTree(process);
            if (progress.isCancelled()) {
                // Cancelling destroys the process, which may close its output under the reader.
                throw new CancelledException();
            }
            throw new StageboardException("The build command's output could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            destroyTree(process);
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            watchdog.interrupt();
        }
    }

    private static Thread cancelWatchdog(Process process, Progress progress) {
        Thread t = new Thread(() -> {
            try {
                while (process.isAlive()) {
                    if (progress.isCancelled()) {
                        destroyTree(process);
                        return;
                    }
                    process.waitFor(200, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "build-cancel-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
