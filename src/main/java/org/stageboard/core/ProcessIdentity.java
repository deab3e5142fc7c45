package org.stageboard.core;

import java.time.Instant;
import java.util.Optional;

/**
 * One process on one machine: machine name, process id and the time the process started (which
 * tells a reused pid apart). Recorded on runs, builds and host locks as their owner, so that work
 * left behind by a process that died can be recognised: {@code user@machine pid 1234 since …}.
 */
public record ProcessIdentity(String user, String machine, long pid, Instant started) {

    /** This JVM. */
    public static ProcessIdentity current() {
        ProcessHandle self = ProcessHandle.current();
        Instant started = self.info().startInstant().orElse(null);
        return new ProcessIdentity(Actor.current(), machineName(), self.pid(), started);
    }

    /** The name of this machine, as the other Stageboard processes on it see it. */
    public static String machineName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                name = "localhost";
            }
        }
        return name;
    }

    /**
     * True only when this process is known to be gone: it ran on this machine and no process with
     * its pid and start time exists any more. A process on another machine is never called gone.
     */
    public boolean isGoneHere() {
        if (!machineName().equals(machine)) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return true;
        }
        Instant actual = handle.get().info().startInstant().orElse(null);
        // Start times are read at different precisions; within a second is the same process.
        return started != null && actual != null && Math.abs(actual.toEpochMilli() - started.toEpochMilli()) > 1000;
    }

    /** {@code user@machine pid N since 2026-…Z}: readable, and parsed back by {@link #parse}. */
    public String format() {
        return user + "@" + machine + " pid " + pid + (started == null ? "" : " since " + started);
    }

    /** The identity written by {@link #format}, or empty when the text is not one. */
    public static Optional<ProcessIdentity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^(.*)@(\\S+) pid (\\d+)(?: since (\\S+))?$").matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcessIdentity(m.group(1), m.group(2), Long.parseLong(m.group(3)),
                    m.group(4) == null ? null : Instant.parse(m.group(4))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
