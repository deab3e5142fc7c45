package org.stageboard.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;

/** A git repository on disk plus its build recipe; identified by a slug name. */
public record Project(long id, String name, Path repository, String branch, Recipe recipe, Instant createdAt) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    /** Checks that a project, environment or host name is a safe slug; says how to fix it if not. */
    public static String requireSlug(String what, String name) {
        if (name == null || !SLUG.matcher(name).matches()) {
            throw new StageboardException("'" + name + "' is not a valid " + what
                    + " name: use 1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return name;
    }
}
