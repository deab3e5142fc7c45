package org.stageboard.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * How a project is built: a shell command run in a clean export of the commit, and the globs of
 * the files that make up the artifact. Identified by a content hash, so that a build can be
 * cached by (commit tree, recipe).
 */
public record Recipe(String command, List<String> artifactGlobs) {

    public Recipe {
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new StageboardException("The build command is empty: give the command that builds the project, e.g. './mvnw -q package -DskipTests'.");
        }
        artifactGlobs = List.copyOf(artifactGlobs);
        if (artifactGlobs.isEmpty() || artifactGlobs.stream().anyMatch(String::isBlank)) {
            throw new StageboardException("The artifact paths are empty: give at least one glob such as 'target/*.jar' or '**'.");
        }
    }

    /** SHA-256 of the command and globs, hex encoded. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(command.getBytes(StandardCharsets.UTF_8));
            for (String glob : artifactGlobs) {
                digest.update((byte) 0);
                digest.update(glob.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The globs joined by commas, as typed by users. */
    public String globsText() {
        return String.join(",", artifactGlobs);
    }

    /** Parses comma or newline separated globs. */
    public static List<String> parseGlobs(String text) {
        return java.util.Arrays.stream(text.split("[,\\n]"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
