package org.stageboard.build;

import java.util.List;

/** {@code stageboard-manifest.json}, packed inside every artifact: where it came from and what it holds. */
public record BuildManifest(String project, int build, String commit, String tree, String command, String recipeHash,
                            String builtAt, String builtBy, List<String> files) {

    public static final String FILE_NAME = "stageboard-manifest.json";
}
