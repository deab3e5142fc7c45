package org.stageboard.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Reads many hosts at once, each within a time limit: a slow or dead host costs its own timeout, never the others'. */
final class HostReads {

    static final int PARALLEL = 16;

    private HostReads() {
    }

    /** Applies {@code read} to every item in parallel; an item that fails or times out gets {@code onError}. */
    static <T, R> List<R> readAll(List<T> items, Duration timeout, Function<T, R> read, java.util.function.BiFunction<T, String, R> onError) {
        if (items.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, items.size()), r -> {
            Thread thread = new Thread(r, "stageboard-host-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> read.apply(item)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            List<R> results = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                try {
                    results.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    results.add(onError.apply(items.get(i), "no answer within " + timeout.toSeconds() + " s"));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    results.add(onError.apply(items.get(i), cause.getMessage() == null ? cause.toString() : cause.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results.add(onError.apply(items.get(i), "interrupted"));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
