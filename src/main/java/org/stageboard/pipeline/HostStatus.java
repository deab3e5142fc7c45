package org.stageboard.pipeline;

import java.time.Instant;
import java.util.List;
import org.stageboard.core.Difference;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.HostState;

/**
 * One environment on one host, as its host says: the state read at {@code readAt} (null when it
 * could not be read; {@code error} says why), the release of this catalog that runs there (null
 * when none, or one of another catalog), the release this catalog last recorded live there, and
 * every difference between the two views ({@code differences}, empty when host and catalog agree).
 * {@code fresh} is false for a state remembered from an earlier read. When the read failed,
 * {@code lastGood} is what the host said at the last read that worked (remembered, with its time),
 * or null when none did.
 */
public record HostStatus(Environment environment, Host host, HostState state, String error, Instant readAt,
                         Release running, Release expected, List<Difference> differences, boolean fresh, HostStatus lastGood) {

    /** A status without a remembered last good reading. */
    public HostStatus(Environment environment, Host host, HostState state, String error, Instant readAt,
                      Release running, Release expected, List<Difference> differences, boolean fresh) {
        this(environment, host, state, error, readAt, running, expected, differences, fresh, null);
    }

    /** The differences as sentences, one per line. */
    public List<String> drift() {
        return differences.stream().map(Difference::text).toList();
    }

    /** True when one of the differences is of that kind. */
    public boolean has(Difference.Kind kind) {
        return differences.stream().anyMatch(d -> d.kind() == kind);
    }

    /** True when the host was read and agrees with the catalog, with its app alive. */
    public boolean agrees() {
        return state != null && differences.isEmpty();
    }

    /** One line: what runs there, by the host's word. */
    public String summary() {
        if (state == null) {
            return "not read" + (error == null ? "" : ": " + error);
        }
        if (state.currentFolder() == null) {
            return "nothing deployed";
        }
        String what = running != null ? running.label() : state.currentIdentity() != null
                ? state.currentIdentity().label() + " (another catalog)" : state.currentFolder() + " (unknown to Stageboard)";
        String processes = state.processSummary();
        if (!state.appAlive() && differences.stream().anyMatch(d -> d.kind() == Difference.Kind.STOPPED)) {
            return what + " · app stopped on purpose";
        }
        if (!state.appAlive() && Boolean.TRUE.equals(state.healthy())) {
            return what + " · not supervised, yet answering its health check";
        }
        return what + (state.appAlive() ? " · app up" + (state.appUptimeSeconds() == null ? "" : " for " + uptime(state.appUptimeSeconds()))
                : " · app DOWN") + (processes.isEmpty() ? "" : " (" + processes + ")")
                + (state.healthy() == null ? "" : state.healthy() ? " · healthy" : " · UNHEALTHY");
    }

    private static String uptime(long seconds) {
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds < 172800 ? seconds / 3600 + " h"
                : seconds / 86400 + " days";
    }
}
