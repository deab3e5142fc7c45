package org.stageboard.ui.board;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.pipeline.HostStatus;
import org.stageboard.ui.hosts.HostFacts;
import org.stageboard.ui.hosts.LockFacts;

/**
 * One host of one environment in the Run lane: what the host says runs there, since when and by
 * whom, when it was read, and a flag for every difference from the catalog. {@code status} is null
 * until the host has been read once.
 */
public record HostSlot(Environment environment, Host host, HostStatus status, HostFacts facts) {

    /** A host the board knows of but has not read yet. */
    public static HostSlot unread(Environment environment, Host host) {
        return new HostSlot(environment, host, null, HostFacts.UNREAD);
    }

    /** The same reading, for the environment and host records of a newer snapshot. */
    HostSlot on(Environment environment, Host host) {
        return new HostSlot(environment, host, status, facts);
    }

    /** What runs there by the host's word, e.g. {@code staging v2 · app up for 5 min · healthy}. */
    public String summary() {
        return status == null ? "not read yet" : status.summary();
    }

    /** Who put the current release there and when, from the host's ledger; empty when it does not say. */
    public String since(Clock clock) {
        if (facts.since() == null) {
            return "";
        }
        return "since " + Formats.clock(facts.since(), clock.instant(), clock.getZone())
                + (facts.sinceActor() == null ? "" : " by " + facts.sinceActor())
                + (facts.sinceKind() == null ? "" : " (" + facts.sinceKind().toLowerCase(Locale.ROOT) + ")");
    }

    /** When the host was read: {@code read 10:42:05}, marked when remembered from an earlier read. */
    public String readLine(Clock clock) {
        if (status == null || status.readAt() == null) {
            return "never read";
        }
        return "read " + Formats.time(status.readAt(), clock.instant(), clock.getZone()) + (status.fresh() ? "" : " · remembered");
    }

    /** One flag per difference; a host that could not be read is flagged NOT READ with the reason. */
    public List<HostFlag> flags() {
        List<HostFlag> flags = new ArrayList<>();
        if (status == null) {
            return flags;
        }
        if (!facts.read()) {
            flags.add(new HostFlag(HostFlag.Kind.NOT_READ, status.error() == null ? "could not be read" : status.error()));
        }
        for (String line : status.drift()) {
            HostFlag flag = HostFlag.of(line);
            boolean lockLine = flag.kind() == HostFlag.Kind.LOCKED || flag.kind() == HostFlag.Kind.LOCK_STALE;
            flags.add(lockLine && facts.lock() != null ? new HostFlag(flag.kind(), lockLine(facts.lock())) : flag);
        }
        return flags;
    }

    /** A lock in one short line; the Break lock… dialog shows all of it. */
    static String lockLine(LockFacts lock) {
        String holder = lock.holder() == null ? "an unknown holder" : ProcessIdentity.parse(lock.holder())
                .map(p -> p.user() + "@" + p.machine() + " pid " + p.pid()).orElse(lock.holder());
        return "held by " + holder + (lock.actor() == null ? "" : " (" + lock.actor() + ")")
                + (lock.release() == null ? "" : ", activating " + lock.release())
                + (lock.stale() ? " — " + lock.staleReason() : " — heartbeat " + lock.heartbeatAgeSeconds() + " s ago");
    }

    /** The colour of the slot; the flags say the same in words. */
    public CardState look() {
        if (status == null || !facts.read()) {
            return CardState.SUPERSEDED;
        }
        List<HostFlag> flags = flags();
        if (flags.stream().anyMatch(f -> f.kind() == HostFlag.Kind.APP_DOWN || f.kind() == HostFlag.Kind.UNHEALTHY)) {
            return CardState.FAILED;
        }
        if (!flags.isEmpty()) {
            return CardState.ROLLED_BACK;
        }
        return facts.currentFolder() == null ? CardState.NEUTRAL : CardState.SUCCESS;
    }

    /** The lock as last read, or null. */
    public LockFacts lock() {
        return facts.lock();
    }

    /** True when something is current there, which a rollback could replace. */
    public boolean hasCurrent() {
        return facts.currentFolder() != null;
    }

    /** Same environment on the same host. */
    public boolean sameAs(HostSlot other) {
        return other != null && other.environment.id() == environment.id() && other.host.id() == host.id();
    }

    String key() {
        return environment.id() + ":" + host.id();
    }
}
