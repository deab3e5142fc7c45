package org.stageboard.pipeline;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeStep;

/**
 * The programs a recipe's steps start that this computer does not have: the first word of each
 * step (after any {@code NAME=value} assignments), looked up on a {@code PATH}. A detected recipe
 * can name a tool that is not installed (a {@code yarn.lock} on a machine without yarn); said
 * when the project is added, its first build does not fail with a bare "exit 127".
 * Paths (a wrapper such as {@code ./mvnw}) and shell words ({@code cd}, {@code test}) are not looked up.
 */
public final class MissingTools {

    private static final Set<String> SHELL_WORDS = Set.of("cd", "test", "[", "true", "false", "echo", "printf", "export", "set", "exec",
            "if", "for", "while", "case", "command", "env", "sh", ":", ".");

    private MissingTools() {
    }

    /** One sentence per missing program, naming the steps that start it; empty when all are there. */
    public static List<String> of(Recipe recipe, String path) {
        List<String> missing = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RecipeStep step : recipe.steps()) {
            String program = program(step.command());
            if (program == null || !seen.add(program) || onPath(program, path)) {
                continue;
            }
            List<String> steps = recipe.steps().stream().filter(s -> program.equals(program(s.command()))).map(RecipeStep::name).toList();
            missing.add("'" + program + "' (step" + (steps.size() == 1 ? " " : "s ") + String.join(", ", steps)
                    + ") is not on this computer's PATH: the build fails until it is installed, or give other steps with --step.");
        }
        return missing;
    }

    /** As {@link #of(Recipe, String)} with this process's {@code PATH}. */
    public static List<String> of(Recipe recipe) {
        String path = System.getenv("PATH");
        return of(recipe, path == null ? "" : path);
    }

    static String program(String command) {
        for (String word : command.strip().split("\\s+")) {
            if (word.isEmpty() || word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                continue;
            }
            return word.contains("/") || SHELL_WORDS.contains(word) || !word.matches("[A-Za-z0-9._+-]+") ? null : word;
        }
        return null;
    }

    private static boolean onPath(String program, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            }
        }
        return false;
    }
}
