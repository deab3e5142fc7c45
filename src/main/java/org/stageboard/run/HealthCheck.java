package org.stageboard.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stageboard.core.CancelledException;
import org.stageboard.core.HealthKind;
import org.stageboard.core.Progress;
import org.stageboard.core.RunSettings;

/**
 * Waits until a release's instances are healthy, as seen from the host: each {@code web}
 * instance's HTTP URL answering 2xx or TCP port accepting connections (through an SSH port
 * forward, on the instance's own {@code PORT} when it has one), or a command exiting 0 in the
 * release folder; every other instance by being alive, and not restarted, after the wait.
 * Healthy means the answer came while the <em>new</em> instance was alive and had not been
 * restarted, checked again after the answer, so an old process still holding the port cannot pass
 * for the new app. Gives up early when an instance exits; honours cancel between attempts.
 */
final class HealthCheck {

    /** How the wait ended, with the evidence to keep on the run when it failed. */
    record Outcome(boolean healthy, String detail, String evidence) {
    }

    /**
     * The probes of one activation, opened before anything is stopped: one per web port (the
     * configured one when web runs once), or one command probe; none when no web instance runs and
     * health is asked over the network.
     */
    static final class Probes implements AutoCloseable {
        private final Map<Integer, HealthProbe> byPort = new LinkedHashMap<>();
        private final HealthProbe command;

        private Probes(HealthProbe command) {
            this.command = command;
        }

        static Probes open(RemoteShell shell, RemoteLayout layout, RunSettings run, List<Instances.Instance> instances) {
            if (run.healthKind() == HealthKind.COMMAND) {
                return new Probes(HealthProbe.open(shell, layout, run));
            }
            Probes probes = new Probes(null);
            try {
                for (Instances.Instance instance : instances) {
                    if (instance.web()) {
                        int key = instance.port() == null ? -1 : instance.port();
                        if (!probes.byPort.containsKey(key)) {
                            probes.byPort.put(key, HealthProbe.open(shell, layout, run, instance.port()));
                        }
                    }
                }
            } catch (RuntimeException e) {
                probes.close();
                throw e;
            }
            return probes;
        }

        /** Every network probe (one per web port); empty for a command check. */
        List<HealthProbe> network() {
            return List.copyOf(byPort.values());
        }

        HealthProbe of(Instances.Instance instance) {
            return byPort.get(instance.port() == null ? -1 : instance.port());
        }

        @Override
        public void close() {
            byPort.values().forEach(HealthProbe::close);
            if (command != null) {
                command.close();
            }
        }
    }

    private static final Duration PAUSE = Duration.ofMillis(200);
    private static final Duration LIVENESS_INTERVAL = Duration.ofSeconds(2);
    /** Instances without a health answer of their own must still be alive this long after the start. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private HealthCheck() {
    }

    /** As below, opening (and closing) the probes itself. */
    static Outcome awaitAll(RemoteShell shell, RemoteLayout layout, RunSettings run, List<Instances.Started> started, Progress progress) {
        try (Probes probes = Probes.open(shell, layout, run, started.stream().map(Instances.Started::instance).toList())) {
            return awaitAll(probes, shell, layout, run, started, progress);
        }
    }

    /** Waits for every started instance to be healthy, through probes the caller opened (one set per activation). */
    static Outcome awaitAll(Probes probes, RemoteShell shell, RemoteLayout layout, RunSettings run, List<Instances.Started> started,
                            Progress progress) {
        long begin = System.nanoTime();
        long deadline = begin + Duration.ofSeconds(run.healthTimeoutSeconds()).toNanos();
        // What still has to answer: each web instance on its probe, or the command once for all.
        Map<String, HealthProbe> pending = new LinkedHashMap<>();
        if (probes.command != null) {
            pending.put("the app", probes.command);
        } else {
            for (Instances.Started s : started) {
                if (s.instance().web() && probes.of(s.instance()) != null) {
                    pending.put(s.instance().name(), probes.of(s.instance()));
                }
            }
        }
        boolean several = started.size() > 1;
        HealthProbe.Answer last = HealthProbe.Answer.none();
        String lastWhat = pending.isEmpty() ? "the instances" : pending.values().iterator().next().what();
        long nextReport = System.nanoTime();
        long nextLivenessCheck = System.nanoTime() + LIVENESS_INTERVAL.toNanos();
        while (true) {
            progress.checkCancelled();
            List<String> answered = new ArrayList<>();
            Map<String, HealthProbe.Answer> answers = new LinkedHashMap<>();
            for (Map.Entry<String, HealthProbe> entry : pending.entrySet()) {
                HealthProbe.Answer answer = entry.getValue().ask();
                if (answer.refusedBySsh()) {
                    return new Outcome(false, answer.summary(), answer.evidence());
                }
                if (answer.healthy()) {
                    answered.add(entry.getKey());
                    answers.put(entry.getKey(), answer);
                } else {
                    last = answer;
                    lastWhat = entry.getValue().what();
                }
            }
            if (!answered.isEmpty()) {
                // An answer counts only if the new instances are still there, not restarted, after it.
                Map<String, Instances.Liveness> live = liveness(shell, layout, started);
                for (String name : answered) {
                    HealthProbe probe = pending.get(name);
                    List<Instances.Started> proving = name.equals("the app") ? started
                            : started.stream().filter(s -> s.instance().name().equals(name)).toList();
                    for (Instances.Started s : proving) {
                        Instances.Liveness l = live.get(s.instance().name());
                        if (l == null || !l.fine()) {
                            HealthProbe.Answer answer = answers.get(name);
                            return new Outcome(false, probe.what() + " answered (" + answer.summary() + "), but the new "
                                    + describe(s, several) + " " + trouble(l) + ": another process answers there", answer.evidence());
                        }
                    }
                    progress.log((name.equals("the app") || !several ? "" : name + ": ") + probe.what() + " answered: "
                            + answers.get(name).summary());
                    pending.remove(name);
                }
            }
            if (pending.isEmpty() && System.nanoTime() - (begin + SETTLE.toNanos()) >= 0) {
                Map<String, Instances.Liveness> live = liveness(shell, layout, started);
                for (Instances.Started s : started) {
                    Instances.Liveness l = live.get(s.instance().name());
                    if (l == null || !l.fine()) {
                        return new Outcome(false, "the " + describe(s, several) + " exited before the health wait ended" + after(l),
                                last.evidence());
                    }
                }
                if (several) {
                    progress.log("all " + started.size() + " instances run: " + String.join(", ",
                            started.stream().map(s -> s.instance().name() + " (pid " + s.pid() + ")").toList()));
                }
                return new Outcome(true, answers.isEmpty() ? "every instance runs" : answers.values().iterator().next().summary(), null);
            }
            if (System.nanoTime() - nextLivenessCheck >= 0) {
                nextLivenessCheck = System.nanoTime() + LIVENESS_INTERVAL.toNanos();
                Map<String, Instances.Liveness> live = liveness(shell, layout, started);
                for (Instances.Started s : started) {
                    Instances.Liveness l = live.get(s.instance().name());
                    if (l == null || !l.fine()) {
                        return new Outcome(false, "the " + describe(s, several) + " exited before "
                                + (pending.isEmpty() ? "the health wait ended" : lastWhat + " was healthy (last: " + last.summary() + ")")
                                + after(l), last.evidence());
                    }
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                return new Outcome(false, lastWhat + " was not healthy within " + run.healthTimeoutSeconds()
                        + " s (last: " + last.summary() + ")", last.evidence());
            }
            if (System.nanoTime() - nextReport >= 0) {
                progress.log("waiting for " + lastWhat + ": " + last.summary());
                nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }

    private static Map<String, Instances.Liveness> liveness(RemoteShell shell, RemoteLayout layout, List<Instances.Started> started) {
        Map<String, Instances.Liveness> byName = new LinkedHashMap<>();
        Instances.liveness(shell, layout, started).forEach(l -> byName.put(l.name(), l));
        return byName;
    }

    /** {@code app process (pid 12)} for a single instance, {@code instance worker.1 (pid 12)} among several. */
    private static String describe(Instances.Started s, boolean several) {
        return (several ? "instance " + s.instance().name() : "app process") + " (pid " + s.pid() + ")";
    }

    /** What the supervisor did after an exit, for a message: {@code ; its supervisor restarted it}. */
    private static String after(Instances.Liveness l) {
        if (l == null) {
            return " (it could not be checked)";
        }
        if (l.gaveUp() != null) {
            return "; its supervisor " + l.gaveUp();
        }
        return l.restarts() > 0 ? "; its supervisor restarted it" : "";
    }

    private static String trouble(Instances.Liveness l) {
        if (l == null) {
            return "could not be checked";
        }
        if (l.gaveUp() != null) {
            return "exited, and its supervisor " + l.gaveUp();
        }
        if (l.restarts() > 0) {
            return "exited and was restarted" + (l.alive() ? "" : " (not running now)");
        }
        return "is not running";
    }

    /** One quick look, for reading a host's state: healthy or not, and why. */
    static HealthProbe.Answer once(RemoteShell shell, RemoteLayout layout, RunSettings run) {
        try (HealthProbe probe = HealthProbe.open(shell, layout, run)) {
            return probe.ask();
        }
    }
}
