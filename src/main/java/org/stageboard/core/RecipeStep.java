package org.stageboard.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** One named step of a build recipe (e.g. {@code test}, {@code lint}, {@code package}): a shell command run in the build folder. */
public record RecipeStep(String name, String command) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public RecipeStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        if (!NAME.matcher(name).matches()) {
            throw new StageboardException("'" + name + "' is not a valid step name: use 1-63 lower-case letters, digits, '.', '_' or '-',"
                    + " e.g. 'test', 'lint' or 'package'.");
        }
        if (command.isBlank()) {
            throw new StageboardException("The build command is empty" + ("build".equals(name) ? "" : " (step '" + name + "')")
                    + ": give the command that builds the project, e.g. './mvnw -q package -DskipTests'.");
        }
    }
}
