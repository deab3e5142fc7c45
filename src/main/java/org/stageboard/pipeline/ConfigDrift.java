package org.stageboard.pipeline;

import java.util.List;

/**
 * How an environment's latest config differs from the config a release was made with: the key
 * names added, removed and modified (names only; secret values never appear). {@code latestVersion}
 * is the environment's latest config version (0 when it has none).
 */
public record ConfigDrift(int releaseVersion, int latestVersion, List<String> added, List<String> removed, List<String> modified) {

    /** True when the latest config is not the release's. */
    public boolean changed() {
        return !added.isEmpty() || !removed.isEmpty() || !modified.isEmpty();
    }

    /** e.g. {@code config v2 -> v3: added FEATURE_X; changed DATABASE_URL, API_TOKEN (secret)}; empty when unchanged. */
    public String describe() {
        if (!changed()) {
            return "";
        }
        StringBuilder text = new StringBuilder("config v" + releaseVersion + " -> v" + latestVersion + ":");
        String sep = " ";
        if (!added.isEmpty()) {
            text.append(sep).append("added ").append(String.join(", ", added));
            sep = "; ";
        }
        if (!removed.isEmpty()) {
            text.append(sep).append("removed ").append(String.join(", ", removed));
            sep = "; ";
        }
        if (!modified.isEmpty()) {
            text.append(sep).append("changed ").append(String.join(", ", modified));
        }
        return text.toString();
    }
}
