package org.stageboard.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * What keeps a release's processes running on a host.
 * <ul>
 * <li>{@code process} (the default; no root, no systemd): a small supervisor per instance restarts
 * a crashed process with back-off and gives up after repeated crashes, recording each restart.
 * Survives crashes of the app; not a reboot.</li>
 * <li>{@code process+cron}: the same, plus an {@code @reboot} crontab entry that starts the current
 * release again after a reboot (where {@code crontab} exists).</li>
 * <li>{@code systemd-user}: a systemd user unit per instance with lingering enabled;
 * {@code Restart=on-failure}. Survives crashes and reboots.</li>
 * <li>{@code systemd-system}: a system unit per instance installed through {@code sudo -n}.
 * Survives crashes and reboots.</li>
 * </ul>
 */
public enum Supervision {
    PROCESS("process"), PROCESS_CRON("process+cron"), SYSTEMD_USER("systemd-user"), SYSTEMD_SYSTEM("systemd-system");

    private final String key;

    Supervision(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean systemd() {
        return this == SYSTEMD_USER || this == SYSTEMD_SYSTEM;
    }

    public static Supervision of(String text) {
        if (text == null || text.isBlank()) {
            return PROCESS;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("systemd")) {
            return SYSTEMD_USER;
        }
        return Arrays.stream(values()).filter(s -> s.key.equals(t) || s.name().equalsIgnoreCase(t)).findFirst()
                .orElseThrow(() -> new StageboardException("Unknown supervision '" + text + "': use one of "
                        + String.join(", ", Arrays.stream(values()).map(Supervision::key).toList()) + "."));
    }
}
