package org.stageboard.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who a release folder on a host belongs to: the catalog that made it (a random id per catalog),
 * project, environment, release number, the artifact's SHA-256 and the config version. The folder
 * name, e.g. {@code v3-5f2a9c01be}, carries the number plus a hash of all of it, so releases of
 * two catalogs (teammates, CI, a rebuilt laptop) never share a folder; {@code release.json} holds
 * the whole identity and a folder is reused only when it matches exactly.
 */
public record ReleaseIdentity(String catalog, String project, String environment, int version, String label,
                              String artifactSha256, int configVersion, String createdBy) {

    /** The folder name under {@code releases/}. */
    public String folder() {
        return "v" + version + "-" + hash().substring(0, 10);
    }

    /** True when {@code other} is the same release: same catalog, place, number, artifact and config. */
    public boolean sameRelease(ReleaseIdentity other) {
        return other != null && hash().equals(other.hash());
    }

    private String hash() {
        String text = String.join("\n", catalog, project, environment, String.valueOf(version), artifactSha256,
                String.valueOf(configVersion));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
