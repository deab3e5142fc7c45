package org.stageboard.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Rollout;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunSettingsJson;
import org.stageboard.core.StageboardException;

/**
 * An environment's non-secret settings as JSON, to copy them to another catalog or keep them in a
 * repository: run settings, rollout, plain config keys with their values, and secret keys by name
 * only (their values are never written). Format ({@code "format": "stageboard-environment/1"}):
 * <pre>
 * { "format": "stageboard-environment/1", "environment": "staging",
 *   "run": { "startCommand": …, "healthUrl": …, … }, "rollout": { "mode": "PARALLEL", … },
 *   "config": { "PORT": "8080" }, "secretKeys": [ "DB_PASSWORD" ] }
 * </pre>
 */
public final class EnvironmentSettingsJson {

    public static final String FORMAT = "stageboard-environment/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What an export file holds. {@code run} and {@code rollout} are null when the file has none. */
    public record Settings(String environment, RunSettings run, Rollout rollout, Map<String, String> config, List<String> secretKeys) {
    }

    private EnvironmentSettingsJson() {
    }

    /** The environment's settings and its config's plain values; secret keys by name only. */
    public static String write(Environment environment, ConfigVersion config) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("environment", environment.name());
        node.set("run", readTree(RunSettingsJson.full(environment.run())));
        node.set("rollout", readTree(RunSettingsJson.rollout(environment.rollout())));
        ObjectNode plain = node.putObject("config");
        var secrets = node.putArray("secretKeys");
        if (config != null) {
            for (ConfigEntry entry : config.entries().values()) {
                if (entry.secret()) {
                    secrets.add(entry.key());
                } else {
                    plain.put(entry.key(), entry.value());
                }
            }
        }
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads an export; a clear error for a file that is not one. */
    public static Settings read(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new StageboardException("The settings file is not valid JSON" + (location == null ? "" : " (line " + location.getLineNr()
                    + ", column " + location.getColumnNr() + ")") + ": " + e.getOriginalMessage()
                    + ". Write it with 'stageboard env export'.");
        }
        if (node == null || !node.isObject() || !FORMAT.equals(node.path("format").asText())) {
            throw new StageboardException("The settings file is not an environment export (no \"format\": \"" + FORMAT
                    + "\"): write it with 'stageboard env export'.");
        }
        RunSettings run = null;
        if (node.hasNonNull("run")) {
            run = RunSettingsJson.fromFull(node.get("run").toString(), null);
            if (run == null || run.startCommand() == null || run.healthUrl() == null) {
                throw new StageboardException("The settings file's \"run\" block is not usable: it needs at least startCommand and healthUrl.");
            }
        }
        Rollout rollout = node.hasNonNull("rollout") ? RunSettingsJson.rollout(node.get("rollout").toString()) : null;
        Map<String, String> config = new LinkedHashMap<>();
        node.path("config").fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new StageboardException("The settings file's config key " + e.getKey() + " has no plain value: give it as a string.");
            }
            config.put(e.getKey(), e.getValue().asText());
        });
        List<String> secretKeys = new ArrayList<>();
        node.path("secretKeys").forEach(k -> secretKeys.add(k.asText()));
        return new Settings(node.path("environment").asText(null), run, rollout, config, secretKeys);
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
