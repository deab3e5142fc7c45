package org.stageboard.build;

import java.util.List;

/**
 * {@code stageboard-manifest.json}, packed inside every artifact: where it came from and what it
 * holds. {@code command} is the recipe's steps as one shell line; {@code steps} names them in
 * order; {@code recipeSource} is {@code catalog} or {@code stageboard.json}; {@code notes} is
 * what the export reported (submodules, Git LFS pointers).
 */
public record BuildManifest(String project, int build, String commit, String tree, String command, String recipeHash,
                            String builtAt, String builtBy, List<String> files, List<String> steps, String recipeSource,
                            List<String> notes) {

    public static final String FILE_NAME = "stageboard-manifest.json";
}
