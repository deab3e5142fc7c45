package org.stageboard.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's own settings files of the usual build tools (package index and mirror, registry and
 * its token, Maven settings, git identity). With dependency caches, a build's HOME is the
 * project's cache home instead of the user's: without these files there, pip, npm, Maven or
 * Gradle would silently use their defaults (another index, no credentials) and fail or fetch
 * something else. So each one the user has is linked into the cache home, by a symbolic link
 * that follows the user's file; a file of the same name that a build wrote there is left alone.
 */
final class UserToolSettings {

    /** Relative to HOME. */
    static final List<String> FILES = List.of(
            ".config/pip/pip.conf", ".pip/pip.conf",
            ".npmrc", ".yarnrc", ".yarnrc.yml",
            ".m2/settings.xml", ".m2/settings-security.xml",
            ".gradle/gradle.properties", ".gradle/init.gradle",
            ".config/go/env",
            ".gitconfig", ".netrc");

    private UserToolSettings() {
    }

    /**
     * Links each settings file the user has under {@code userHome} to the same place under
     * {@code buildHome}; removes a link made before whose file is gone. Returns the files linked.
     */
    static List<String> link(Path userHome, Path buildHome) throws IOException {
        List<String> linked = new ArrayList<>();
        if (userHome == null || userHome.toAbsolutePath().normalize().equals(buildHome.toAbsolutePath().normalize())) {
            return linked;
        }
        for (String name : FILES) {
            Path source = userHome.resolve(name);
            Path target = buildHome.resolve(name);
            boolean ours = Files.isSymbolicLink(target);
            if (!Files.isRegularFile(source)) {
                if (ours) {
                    Files.delete(target);
                }
                continue;
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !ours) {
                continue; // written by a build: the build's own
            }
            if (ours) {
                Files.delete(target);
            }
            Files.createDirectories(target.getParent());
            Files.createSymbolicLink(target, source.toAbsolutePath());
            linked.add(name);
        }
        return linked;
    }
}
