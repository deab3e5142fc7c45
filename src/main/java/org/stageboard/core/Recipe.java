package org.stageboard.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a project is built: ordered named steps (each a shell command run in a clean export of the
 * commit), the globs of the files that make up the artifact, environment variables the build
 * gets, and dependency cache folders kept between builds (relative to the build's {@code HOME},
 * e.g. {@code .m2}). Identified by a content hash, so that a build can be cached by (commit
 * tree, recipe). The plain form — one command — is one step named {@code build}.
 */
public record Recipe(List<RecipeStep> steps, List<String> artifactGlobs, Map<String, String> env, List<String> caches) {

    /** The name of the only step of a recipe given as one command. */
    public static final String SINGLE_STEP = "build";

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Set by Stageboard for every build; a recipe may not change them. */
    private static final Set<String> RESERVED_ENV = Set.of("HOME", "STAGEBOARD_COMMIT", "STAGEBOARD_BUILD", "STAGEBOARD_PROJECT", "STAGEBOARD_STEP");

    public Recipe {
        Objects.requireNonNull(steps, "steps");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new StageboardException("The recipe has no steps: give at least one command that builds the project.");
        }
        Set<String> names = new HashSet<>();
        for (RecipeStep step : steps) {
            if (!names.add(step.name())) {
                throw new StageboardException("The recipe has two steps named '" + step.name() + "': give each step its own name.");
            }
        }
        artifactGlobs = List.copyOf(artifactGlobs);
        if (artifactGlobs.isEmpty() || artifactGlobs.stream().anyMatch(String::isBlank)) {
            throw new StageboardException("The artifact paths are empty: give at least one glob such as 'target/*.jar' or '**'.");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : (env == null ? Map.<String, String>of() : env).entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new StageboardException("'" + e.getKey() + "' is not a valid environment variable name: use letters, digits and '_', not starting with a digit.");
            }
            if (RESERVED_ENV.contains(e.getKey())) {
                throw new StageboardException("The recipe may not set " + e.getKey() + ": Stageboard sets it for every build"
                        + ("HOME".equals(e.getKey()) ? " (declare dependency caches instead, e.g. \"caches\": [\".m2\"])." : "."));
            }
            sorted.put(e.getKey(), Objects.requireNonNull(e.getValue(), "value of " + e.getKey()));
        }
        env = Collections.unmodifiableMap(sorted);
        List<String> folders = new ArrayList<>();
        for (String cache : caches == null ? List.<String>of() : caches) {
            folders.add(checkCacheFolder(cache));
        }
        caches = List.copyOf(folders);
    }

    /** The plain recipe: one command (a step named {@value #SINGLE_STEP}) and the artifact globs. */
    public Recipe(String command, List<String> artifactGlobs) {
        this(List.of(new RecipeStep(SINGLE_STEP, Objects.requireNonNull(command, "command"))), artifactGlobs, Map.of(), List.of());
    }

    /** True for the plain form: one step named {@value #SINGLE_STEP}, no variables, no caches. */
    public boolean plain() {
        return steps.size() == 1 && steps.get(0).name().equals(SINGLE_STEP) && env.isEmpty() && caches.isEmpty();
    }

    /** The commands as one shell line ({@code a && b}): what the build runs, for people and the manifest. */
    public String command() {
        return String.join(" && ", steps.stream().map(RecipeStep::command).toList());
    }

    /** SHA-256 of everything that changes what a build makes, hex encoded; the plain form hashes as it always did. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (plain()) {
                digest.update(steps.get(0).command().getBytes(StandardCharsets.UTF_8));
            } else {
                digest.update("recipe/2".getBytes(StandardCharsets.UTF_8));
                for (RecipeStep step : steps) {
                    field(digest, 1, step.name());
                    field(digest, 2, step.command());
                }
                env.forEach((k, v) -> {
                    field(digest, 3, k);
                    field(digest, 4, v);
                });
                caches.forEach(c -> field(digest, 5, c));
            }
            for (String glob : artifactGlobs) {
                digest.update((byte) 0);
                digest.update(glob.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(MessageDigest digest, int tag, String text) {
        digest.update((byte) tag);
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The globs joined by commas, as typed by users. */
    public String globsText() {
        return String.join(",", artifactGlobs);
    }

    /** Several lines: each step, the artifacts, variables and caches, as the CLI and the window show a recipe. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (RecipeStep step : steps) {
            text.append("  step ").append(step.name()).append(": ").append(step.command()).append('\n');
        }
        text.append("  artifacts: ").append(String.join(", ", artifactGlobs)).append('\n');
        if (!env.isEmpty()) {
            text.append("  env: ").append(String.join(" ", env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())).append('\n');
        }
        if (!caches.isEmpty()) {
            text.append("  caches (kept between builds, under the build's HOME): ").append(String.join(", ", caches)).append('\n');
        }
        return text.toString();
    }

    public Recipe withSteps(List<RecipeStep> newSteps) {
        return new Recipe(newSteps, artifactGlobs, env, caches);
    }

    public Recipe withArtifactGlobs(List<String> globs) {
        return new Recipe(steps, globs, env, caches);
    }

    public Recipe withEnv(Map<String, String> newEnv) {
        return new Recipe(steps, artifactGlobs, newEnv, caches);
    }

    public Recipe withCaches(List<String> newCaches) {
        return new Recipe(steps, artifactGlobs, env, newCaches);
    }

    /** Checks a cache folder: relative, inside the build's HOME, with {@code /} between names. */
    public static String checkCacheFolder(String folder) {
        String f = folder == null ? "" : folder.strip();
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        if (f.isEmpty() || f.startsWith("/") || f.contains("\\") || f.matches("^[A-Za-z]:.*")
                || java.util.Arrays.stream(f.split("/")).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            throw new StageboardException("'" + folder + "' is not a valid cache folder: give a folder relative to the build's HOME,"
                    + " without '..', e.g. '.m2', '.npm' or '.cache/pip'.");
        }
        return f;
    }

    /** Parses comma or newline separated globs. */
    public static List<String> parseGlobs(String text) {
        return java.util.Arrays.stream(text.split("[,\\n]"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
