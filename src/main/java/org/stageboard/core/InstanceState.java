package org.stageboard.core;

/**
 * One running instance of a release's process type on a host, as read from the host: its type and
 * index ({@code web.2}), the pid that stands for it (the supervisor's, which is also its process
 * group, or systemd's main pid), whether it is alive, how many restarts its supervisor recorded,
 * and the supervisor's final word when it gave up ({@code gave up after 5 crashes; …}), else null.
 *
 * @param supervision how it is kept running: {@code process}, {@code systemd-user}, {@code systemd-system}
 */
public record InstanceState(String type, int index, Integer pid, boolean alive, int restarts, String gaveUp, String supervision) {

    /** {@code web.2}. */
    public String name() {
        return type + "." + index;
    }

    /** Down or given up, in words naming the instance, e.g. {@code worker.1 gave up after 5 crashes; …}; null when it runs. */
    public String problem() {
        if (gaveUp != null && !gaveUp.isBlank()) {
            return name() + " " + gaveUp.strip();
        }
        return alive ? null : name() + (pid == null ? "" : " (pid " + pid + ")") + " is not running";
    }
}
