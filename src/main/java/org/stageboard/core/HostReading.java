package org.stageboard.core;

import java.time.Instant;

/**
 * What was last read from one host for one environment, and when: hosts are the truth, and this is
 * the catalog's latest copy of what one of them said. Either the read worked and {@code stateJson}
 * holds the host's state (its {@code current} link, the release it points to, the live process,
 * the lock, …, as JSON), or it failed and {@code error} says why, beside the state of the last read
 * that worked (kept, with its own time inside, so an unreachable host still shows what it last
 * said); the board shows the reading with its time instead of trusting what the catalog itself
 * recorded.
 *
 * @param environmentId the environment whose folder on the host was read
 * @param hostId        the host that was read
 * @param readAt        when it was read
 * @param stateJson     the host's state as JSON at the last read that worked; {@code null} when none did
 * @param error         why the read failed; {@code null} when it worked
 */
public record HostReading(long environmentId, long hostId, Instant readAt, String stateJson, String error) {

    /** True when the host answered and its state is in {@link #stateJson()}. */
    public boolean ok() {
        return error == null;
    }
}
