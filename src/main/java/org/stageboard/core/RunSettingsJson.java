package org.stageboard.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run settings as JSON: the whole of them (kept with a release folder on a host) or only the
 * parts beyond the five plain columns (kept in the catalog). Unknown or missing fields fall back
 * to the defaults, so settings written by an older Stageboard still read.
 */
public final class RunSettingsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunSettingsJson() {
    }

    /** Processes, scale, supervision, shared paths and hooks. */
    public static String extras(RunSettings run) {
        return write(extrasNode(run));
    }

    /** Every setting. */
    public static String full(RunSettings run) {
        ObjectNode node = JSON.createObjectNode();
        node.put("startCommand", run.startCommand());
        node.put("healthUrl", run.healthUrl());
        node.put("healthTimeoutSeconds", run.healthTimeoutSeconds());
        node.put("stopGraceSeconds", run.stopGraceSeconds());
        node.put("keepReleases", run.keepReleases());
        node.setAll(extrasNode(run));
        return write(node);
    }

    /** The five plain settings with the extras read from {@code json} (null or blank: the defaults). */
    public static RunSettings withExtras(RunSettings plain, String json) {
        return withExtras(plain.startCommand(), plain.healthUrl(), plain.healthTimeoutSeconds(), plain.stopGraceSeconds(), plain.keepReleases(), json);
    }

    /** The five plain settings as stored in their columns with the extras read from {@code json}. */
    public static RunSettings withExtras(String startCommand, String healthUrl, int healthTimeoutSeconds, int stopGraceSeconds,
                                         int keepReleases, String json) {
        JsonNode node = read(json);
        return extrasFrom(startCommand, healthUrl, healthTimeoutSeconds, stopGraceSeconds, keepReleases,
                node == null ? JSON.createObjectNode() : node);
    }

    /** Every setting from {@link #full}; {@code fallback} for what is missing; null when unreadable and no fallback. */
    public static RunSettings fromFull(String json, RunSettings fallback) {
        JsonNode node = read(json);
        if (node == null) {
            return fallback;
        }
        try {
            return extrasFrom(text(node, "startCommand", fallback == null ? null : fallback.startCommand()),
                    text(node, "healthUrl", fallback == null ? null : fallback.healthUrl()),
                    node.path("healthTimeoutSeconds").asInt(fallback == null ? 60 : fallback.healthTimeoutSeconds()),
                    node.path("stopGraceSeconds").asInt(fallback == null ? 10 : fallback.stopGraceSeconds()),
                    node.path("keepReleases").asInt(fallback == null ? 5 : fallback.keepReleases()), node);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    public static String rollout(Rollout rollout) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mode", rollout.mode().name());
        node.put("parallelism", rollout.parallelism());
        node.put("batchSize", rollout.batchSize());
        node.put("pauseSeconds", rollout.pauseSeconds());
        node.put("onFailure", rollout.onFailure().name());
        return write(node);
    }

    public static Rollout rollout(String json) {
        JsonNode node = read(json);
        if (node == null) {
            return Rollout.DEFAULT;
        }
        Rollout d = Rollout.DEFAULT;
        return new Rollout(Rollout.mode(node.path("mode").asText(d.mode().name())), node.path("parallelism").asInt(d.parallelism()),
                node.path("batchSize").asInt(d.batchSize()), node.path("pauseSeconds").asInt(d.pauseSeconds()),
                Rollout.onFailure(node.path("onFailure").asText(d.onFailure().name())));
    }

    private static ObjectNode extrasNode(RunSettings run) {
        ObjectNode node = JSON.createObjectNode();
        node.put("processes", run.processes().procfile());
        ObjectNode scale = node.putObject("scale");
        run.processes().scale().forEach(scale::put);
        node.put("supervision", run.supervision().key());
        ArrayNode shared = node.putArray("shared");
        run.shared().forEach(shared::add);
        ObjectNode hooks = node.putObject("hooks");
        hooks.put("releaseCommand", run.hooks().releaseCommand());
        hooks.put("beforeSwitch", run.hooks().beforeSwitch());
        hooks.put("afterSwitch", run.hooks().afterSwitch());
        return node;
    }

    private static RunSettings extrasFrom(String startCommand, String healthUrl, int healthTimeoutSeconds, int stopGraceSeconds,
                                          int keepReleases, JsonNode node) {
        Map<String, Integer> scale = new LinkedHashMap<>();
        node.path("scale").fields().forEachRemaining(e -> scale.put(e.getKey(), e.getValue().asInt(1)));
        List<String> shared = new ArrayList<>();
        node.path("shared").forEach(x -> shared.add(x.asText()));
        JsonNode hooks = node.path("hooks");
        return new RunSettings(startCommand, healthUrl, healthTimeoutSeconds, stopGraceSeconds, keepReleases, new Processes(text(node, "processes", ""), scale), Supervision.of(text(node, "supervision", null)),
                shared, new Hooks(text(hooks, "releaseCommand", null), text(hooks, "beforeSwitch", null), text(hooks, "afterSwitch", null)));
    }

    private static JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
