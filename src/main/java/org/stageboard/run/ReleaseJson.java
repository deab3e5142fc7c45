package org.stageboard.run;

import org.stageboard.core.ReleaseIdentity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The {@code release.json} of a release folder: what the release is, and under {@code identity} whose it is. */
final class ReleaseJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleaseJson() {
    }

    /** The descriptive JSON the release stage made, with the identity added; one field per line. */
    static String write(RemoteRelease release) {
        ObjectNode node;
        try {
            JsonNode parsed = release.releaseJson() == null ? null : JSON.readTree(release.releaseJson());
            node = parsed instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            node = JSON.createObjectNode();
        }
        node.set("identity", JSON.valueToTree(release.identity()));
        node.put("folder", release.releaseName());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The identity in a release.json, or empty for a folder without one (made by an older Stageboard, or by hand). */
    static Optional<ReleaseIdentity> identity(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode identity = JSON.readTree(json).get("identity");
            return identity == null || !identity.isObject() ? Optional.empty()
                    : Optional.of(JSON.treeToValue(identity, ReleaseIdentity.class));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
