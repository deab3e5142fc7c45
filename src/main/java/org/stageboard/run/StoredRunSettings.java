package org.stageboard.run;

import org.stageboard.core.RunSettings;
import org.stageboard.core.RunSettingsJson;

/**
 * The run settings a release was started with, kept in its folder as {@code .stageboard-run.json}
 * so that a rollback restarts an old release the way it ran, not with today's settings.
 */
final class StoredRunSettings {

    static final String FILE = ".stageboard-run.json";

    private StoredRunSettings() {
    }

    static String toJson(RunSettings run) {
        return RunSettingsJson.full(run);
    }

    /** The stored settings, or {@code fallback} (which may be null) when the file is missing or unreadable. */
    static RunSettings fromJson(String json, RunSettings fallback) {
        return RunSettingsJson.fromFull(json, fallback);
    }
}
