package org.stageboard.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stageboard.core.RunSettings;

/**
 * The run settings a release was started with, kept in its folder as {@code .stageboard-run.json}
 * so that a rollback restarts an old release the way it ran, not with today's settings.
 */
final class StoredRunSettings {

    static final String FILE = ".stageboard-run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredRunSettings() {
    }

    static String toJson(RunSettings run) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("startCommand", run.startCommand());
        map.put("healthUrl", run.healthUrl());
        map.put("healthTimeoutSeconds", run.healthTimeoutSeconds());
        map.put("stopGraceSeconds", run.stopGraceSeconds());
        map.put("keepReleases", run.keepReleases());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(map) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored settings, or {@code fallback} (which may be null) when the file is missing or unreadable. */
    static RunSettings fromJson(String json, RunSettings fallback) {
        if (json == null || json.isBlank()) {
            return fallback;
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                return fallback;
            }
            return new RunSettings(text(node, "startCommand", fallback == null ? null : fallback.startCommand()),
                    text(node, "healthUrl", fallback == null ? null : fallback.healthUrl()),
                    node.path("healthTimeoutSeconds").asInt(fallback == null ? 60 : fallback.healthTimeoutSeconds()),
                    node.path("stopGraceSeconds").asInt(fallback == null ? 10 : fallback.stopGraceSeconds()),
                    node.path("keepReleases").asInt(fallback == null ? 5 : fallback.keepReleases()));
        } catch (JsonProcessingException | RuntimeException e) {
            return fallback;
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
