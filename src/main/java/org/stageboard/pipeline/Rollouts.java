package org.stageboard.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Environment;
import org.stageboard.core.ForwardingProgress;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.core.Rollout;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;
import org.stageboard.core.StageboardException;

/**
 * A deploy over several hosts, by the environment's {@link Rollout}: first the release command
 * (once per release, on the first host, nothing switched yet), then the hosts in their order —
 * {@code PARALLEL} up to {@code parallelism} at once, or {@code ROLLING} in batches of
 * {@code batchSize}, each batch once the previous one is all live, with a pause between. Each host
 * is its own recorded run. On a failure the hosts not started are recorded {@code SKIPPED}, and by
 * the failure policy the hosts this deploy switched are rolled back together to the release each
 * ran before, or stay. Cancel stops starting hosts and cancels the running ones.
 */
final class Rollouts {

    private static final long POLL_MILLIS = 100;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Catalog catalog;
    private final RunStage runStage;
    private final ReleaseCommandStage releaseCommands;

    Rollouts(Catalog catalog, RunStage runStage, ReleaseCommandStage releaseCommands) {
        this.catalog = catalog;
        this.runStage = runStage;
        this.releaseCommands = releaseCommands;
    }

    /** Deploys the release to these hosts of its environment (in this order), by the environment's rollout. */
    RolloutResult deploy(Release release, List<Host> hosts, Duration lockWait, String actor, Progress plain) {
        RolloutProgress progress = RolloutProgress.of(plain);
        Environment environment = catalog.environments().get(release.environmentId());
        Project project = catalog.projects().get(environment.projectId());
        Rollout rollout = environment.rollout();
        if (hosts.isEmpty()) {
            throw new StageboardException("Environment " + environment.name() + " has no hosts: add one and attach it first.");
        }
        hosts.forEach(h -> runStage.requireAttached(environment, h));
        progress.step("deploy " + release.label() + " to " + hosts.size() + (hosts.size() == 1 ? " host" : " hosts")
                + (hosts.size() > 1 ? " (" + rollout.describe() + ")" : ""));

        Map<Long, HostOutcome> outcomes = new LinkedHashMap<>();
        hosts.forEach(h -> outcomes.put(h.id(), null));
        ReleaseCommandStage.Outcome command = releaseCommands.runOnce(release, hosts.get(0), lockWait, actor, progress);
        RolloutResult result;
        if (!command.proceed()) {
            boolean cancelled = command.run() != null && command.run().status() == RunStatus.CANCELLED;
            String why = cancelled ? "Not deployed: the deploy was cancelled during the release command; nothing was switched."
                    : "Not deployed: the release command failed (run " + command.run().id() + " on " + hosts.get(0).name()
                    + "); nothing was switched on any host.";
            for (Host host : hosts) {
                record(outcomes, HostOutcome.of(host, runStage.skip(release, host, why, actor)), progress);
            }
            result = result(release, rollout, command, outcomes, cancelled, null, List.of());
        } else {
            result = hosts(release, environment, rollout, hosts, command, outcomes, lockWait, actor, progress);
        }
        catalog.events().append(actor, project.name(), "rollout", project.name() + "/" + release.label(),
                result.allLive() ? "live" : result.cancelled() ? "cancelled" : "failed", result.summary());
        progress.step(result.summary());
        return result;
    }

    private RolloutResult hosts(Release release, Environment environment, Rollout rollout, List<Host> hosts,
                                ReleaseCommandStage.Outcome command, Map<Long, HostOutcome> outcomes, Duration lockWait, String actor,
                                RolloutProgress progress) {
        AtomicReference<String> stopped = new AtomicReference<>();
        Map<Long, String> previous = new java.util.concurrent.ConcurrentHashMap<>();
        boolean rolling = rollout.mode() == Rollout.Mode.ROLLING;
        int width = Math.min(hosts.size(), rolling ? rollout.batchSize() : rollout.parallelism());
        ExecutorService pool = pool(width);
        List<Host> notStarted = new ArrayList<>();
        try {
            List<List<Host>> waves = rolling ? batches(hosts, rollout.batchSize()) : List.of(hosts);
            for (int w = 0; w < waves.size(); w++) {
                List<Host> wave = waves.get(w);
                if (w > 0 && stopped.get() == null && !progress.isCancelled() && rollout.pauseSeconds() > 0) {
                    progress.step("pause " + rollout.pauseSeconds() + " s before the next batch");
                    pause(rollout.pauseSeconds(), progress);
                }
                if (stopped.get() != null || progress.isCancelled()) {
                    notStarted.addAll(wave);
                    continue;
                }
                if (rolling) {
                    progress.step("batch " + (w + 1) + " of " + waves.size() + ": " + String.join(", ", wave.stream().map(Host::name).toList()));
                }
                notStarted.addAll(wave(release, wave, width, pool, stopped, previous, outcomes, lockWait, actor, progress));
            }
        } finally {
            pool.shutdown();
        }
        boolean cancelled = progress.isCancelled() || outcomes.values().stream().anyMatch(o -> o != null && o.state() == HostOutcome.State.CANCELLED);
        String why = stopped.get() != null ? "Not deployed: " + stopped.get() + ", which stopped the rollout; nothing was done here."
                : "Not deployed: the rollout was cancelled before this host; nothing was done here.";
        for (Host host : notStarted) {
            record(outcomes, HostOutcome.of(host, runStage.skip(release, host, why, actor)), progress);
        }
        List<HostOutcome> switched = outcomes.values().stream().filter(o -> o != null && o.state() == HostOutcome.State.LIVE).toList();
        String policy = null;
        if (stopped.get() != null && !switched.isEmpty()) {
            if (rollout.onFailure() == Rollout.OnFailure.ROLL_BACK) {
                rollBack(release, environment, switched, previous, outcomes, lockWait, actor, progress);
            } else {
                policy = "stay";
            }
        }
        return result(release, rollout, command, outcomes, cancelled, policy, stopped.get() == null ? List.of() : switched);
    }

    /**
     * Starts the hosts in order, at most {@code width} at once, until one is not live or the user
     * cancels; waits for those started. Returns the hosts not started.
     */
    private List<Host> wave(Release release, List<Host> wave, int width, ExecutorService pool, AtomicReference<String> stopped,
                            Map<Long, String> previous, Map<Long, HostOutcome> outcomes, Duration lockWait, String actor,
                            RolloutProgress progress) {
        Semaphore slots = new Semaphore(width);
        List<Future<?>> running = new ArrayList<>();
        List<Host> notStarted = new ArrayList<>();
        for (Host host : wave) {
            boolean slot = false;
            while (stopped.get() == null && !progress.isCancelled() && !(slot = tryAcquire(slots))) {
                // waiting for a host to finish
            }
            if (!slot) {
                notStarted.add(host);
                continue;
            }
            if (stopped.get() != null || progress.isCancelled()) {
                slots.release();
                notStarted.add(host);
                continue;
            }
            progress.started(host, RunKind.DEPLOY); // here, in host order, not in the racing threads
            running.add(pool.submit(() -> {
                try {
                    deployOne(release, host, stopped, previous, outcomes, lockWait, actor, progress);
                } finally {
                    slots.release();
                }
            }));
        }
        awaitAll(running);
        return notStarted;
    }

    private void deployOne(Release release, Host host, AtomicReference<String> stopped, Map<Long, String> previous,
                           Map<Long, HostOutcome> outcomes, Duration lockWait, String actor, RolloutProgress progress) {
        HostOutcome outcome;
        try {
            RunStage.Activated activated = runStage.activateOn(release, host, RunKind.DEPLOY, lockWait, actor, progress.host(host));
            if (activated.previousFolder() != null) {
                previous.put(host.id(), activated.previousFolder());
            }
            outcome = HostOutcome.of(host, activated.run());
        } catch (RuntimeException e) {
            outcome = new HostOutcome(host, HostOutcome.State.FAILED, null, null, e.getMessage());
        }
        if (outcome.state() != HostOutcome.State.LIVE && outcome.state() != HostOutcome.State.CANCELLED) {
            String why = firstLine(outcome.message());
            stopped.compareAndSet(null, host.name() + " " + outcome.state().words() + " (" + (why.length() > 160 ? why.substring(0, 160) + "…" : why) + ")");
        }
        record(outcomes, outcome, progress);
    }

    /** Puts every host this rollout switched back on the release it ran before, all together. */
    private void rollBack(Release release, Environment environment, List<HostOutcome> switched, Map<Long, String> previous,
                          Map<Long, HostOutcome> outcomes, Duration lockWait, String actor, RolloutProgress progress) {
        progress.step("roll back the " + switched.size() + " switched " + (switched.size() == 1 ? "host" : "hosts") + " together");
        ExecutorService pool = pool(switched.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (HostOutcome live : switched) {
                running.add(pool.submit(() -> record(outcomes, rollBackOne(release, environment, live, previous.get(live.host().id()),
                        lockWait, actor, progress), progress)));
            }
            awaitAll(running);
        } finally {
            pool.shutdown();
        }
    }

    private HostOutcome rollBackOne(Release release, Environment environment, HostOutcome live, String folder, Duration lockWait,
                                    String actor, RolloutProgress progress) {
        Host host = live.host();
        Release target = runStage.releaseOfFolder(environment, folder);
        String stays = "Live on " + release.label() + ", and stays on it although the rollout failed: ";
        if (folder == null) {
            return new HostOutcome(host, HostOutcome.State.LIVE, live.run(), null, stays + "nothing ran on " + host.name() + " before it.");
        }
        if (target == null) {
            return new HostOutcome(host, HostOutcome.State.LIVE, live.run(), null, stays + "what ran before (" + folder
                    + ") is not a release of this catalog; roll back from the catalog that deployed it.");
        }
        if (target.id() == release.id()) {
            return new HostOutcome(host, HostOutcome.State.LIVE, live.run(), null, stays + host.name() + " already ran it before this rollout.");
        }
        progress.started(host, RunKind.ROLLBACK);
        // Putting hosts back must finish: cancel does not reach it.
        Progress hostProgress = new ForwardingProgress(progress.host(host)) {
            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        hostProgress.log("rolling back to " + target.label() + ": the rollout failed on another host");
        Run rollback;
        try {
            rollback = runStage.activate(target, host, RunKind.ROLLBACK, lockWait, actor, hostProgress);
        } catch (RuntimeException e) {
            return new HostOutcome(host, HostOutcome.State.LIVE, live.run(), null, stays + "rolling back to " + target.label() + " failed: "
                    + e.getMessage());
        }
        if (rollback.status() == RunStatus.LIVE) {
            return new HostOutcome(host, HostOutcome.State.REVERTED, live.run(), rollback, "Went live on " + release.label()
                    + ", then rolled back to " + target.label() + " because the rollout failed.");
        }
        if (rollback.status() == RunStatus.APP_DOWN) {
            return new HostOutcome(host, HostOutcome.State.APP_DOWN, live.run(), rollback, "Rolling back to " + target.label()
                    + " after the rollout failed left the host without a running app: " + rollback.message());
        }
        return new HostOutcome(host, HostOutcome.State.LIVE, live.run(), rollback, stays + "rolling back to " + target.label() + " "
                + rollback.status().label() + ": " + firstLine(rollback.message()));
    }

    private static RolloutResult result(Release release, Rollout rollout, ReleaseCommandStage.Outcome command, Map<Long, HostOutcome> outcomes,
                                        boolean cancelled, String policy, List<HostOutcome> switched) {
        List<HostOutcome> hosts = outcomes.values().stream().filter(java.util.Objects::nonNull).toList();
        return new RolloutResult(release, rollout, command.run(), command.note(), hosts, cancelled,
                summary(release, command, hosts, cancelled, policy, switched));
    }

    /**
     * E.g. {@code 1 failed and rolled back, 2 went live then were rolled back, 1 skipped; no host serves staging v3}:
     * each host once, as it ended, then what serves the release now when not every host does.
     */
    static String summary(Release release, ReleaseCommandStage.Outcome command, List<HostOutcome> hosts, boolean cancelled, String policy,
                          List<HostOutcome> switched) {
        Map<HostOutcome.State, Integer> counts = new java.util.EnumMap<>(HostOutcome.State.class);
        for (HostOutcome host : hosts) {
            counts.merge(host.state(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        for (HostOutcome.State state : SUMMARY_ORDER) {
            Integer n = counts.get(state);
            if (n != null) {
                parts.add(n + " " + words(state, n));
            }
        }
        StringBuilder text = new StringBuilder(String.join(", ", parts));
        if (!command.proceed()) {
            text.append(cancelled ? "; cancelled during the release command, nothing was switched"
                    : "; the release command failed, nothing was switched");
        }
        if (!switched.isEmpty()) {
            long reverted = hosts.stream().filter(h -> h.state() == HostOutcome.State.REVERTED).count();
            String the = switched.size() == 1 ? "the switched host" : "the " + switched.size() + " switched hosts";
            if ("stay".equals(policy)) {
                text.append("; ").append(the).append(switched.size() == 1 ? " stays on " : " stay on ").append(release.label())
                        .append(" (failure policy: stay)");
            } else if (reverted != switched.size()) {
                text.append("; ").append(reverted).append(" of ").append(the).append(" rolled back, the others could not be (see each host)");
            }
        }
        long serving = hosts.stream().filter(h -> h.state() == HostOutcome.State.LIVE).count();
        // Said when some host got as far as switching: then "2 ... rolled back" alone may read as if the release serves somewhere.
        boolean switchedSomewhere = hosts.stream().anyMatch(h -> h.state() == HostOutcome.State.LIVE || h.state() == HostOutcome.State.REVERTED
                || h.state() == HostOutcome.State.ROLLED_BACK || h.state() == HostOutcome.State.APP_DOWN);
        if (switchedSomewhere && serving < hosts.size()) {
            text.append(serving == 0 ? "; no host serves " + release.label()
                    : "; " + serving + " of " + hosts.size() + " hosts " + (serving == 1 ? "serves " : "serve ") + release.label());
        }
        if (cancelled && command.proceed()) {
            text.append("; the rollout was cancelled");
        }
        return text.toString();
    }

    /** The order a summary counts hosts in: as far as they got. */
    private static final List<HostOutcome.State> SUMMARY_ORDER = List.of(HostOutcome.State.LIVE, HostOutcome.State.REVERTED,
            HostOutcome.State.ROLLED_BACK, HostOutcome.State.APP_DOWN, HostOutcome.State.FAILED, HostOutcome.State.CANCELLED,
            HostOutcome.State.SKIPPED);

    /** How a rollout's summary counts hosts that ended so: a host rolled back is said to have failed first, or gone live first. */
    private static String words(HostOutcome.State state, int n) {
        return switch (state) {
            case FAILED -> "failed before anything was switched";
            case ROLLED_BACK -> "failed and " + (n == 1 ? "was" : "were") + " rolled back";
            case REVERTED -> "went live then " + (n == 1 ? "was" : "were") + " rolled back as the rollout failed";
            default -> state.words();
        };
    }

    private static void record(Map<Long, HostOutcome> outcomes, HostOutcome outcome, RolloutProgress progress) {
        synchronized (outcomes) {
            outcomes.put(outcome.host().id(), outcome);
        }
        progress.finished(outcome);
    }

    private static List<List<Host>> batches(List<Host> hosts, int size) {
        List<List<Host>> batches = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i += size) {
            batches.add(List.copyOf(hosts.subList(i, Math.min(hosts.size(), i + size))));
        }
        return batches;
    }

    private static boolean tryAcquire(Semaphore slots) {
        try {
            return slots.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.stageboard.core.CancelledException();
        }
    }

    private static void pause(int seconds, Progress progress) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end && !progress.isCancelled()) {
            try {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void awaitAll(List<Future<?>> futures) {
        for (Future<?> future : futures) {
            boolean interrupted = false;
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the hosts' runs must finish and put their hosts back
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ExecutorService pool(int size) {
        return Executors.newFixedThreadPool(Math.max(1, size), r -> {
            Thread thread = new Thread(r, "stageboard-rollout-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no message";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
