package org.stageboard.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Selects the files of a build folder that make up the artifact. Globs are relative to the
 * folder and use {@code /}; {@code **} crosses folders (e.g. {@code target/*.jar},
 * {@code dist/**}, {@code **}). A glob naming a folder takes everything under it.
 */
public final class ArtifactGlobs {

    private final List<String> globs;

    public ArtifactGlobs(List<String> globs) {
        this.globs = List.copyOf(globs);
    }

    /** Relative paths, sorted, of the regular files and links matched by any glob. */
    public List<String> match(Path root) {
        List<PathMatcher> matchers = globs.stream()
                .flatMap(g -> {
                    String glob = g.startsWith("./") ? g.substring(2) : g;
                    String trimmed = glob.endsWith("/") ? glob.substring(0, glob.length() - 1) : glob;
                    return Stream.of(trimmed, trimmed + "/**");
                })
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        TreeSet<String> matched = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root))
                    .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .map(root::relativize)
                    .filter(rel -> matchers.stream().anyMatch(m -> m.matches(rel)))
                    .forEach(rel -> matched.add(rel.toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(matched);
    }
}
