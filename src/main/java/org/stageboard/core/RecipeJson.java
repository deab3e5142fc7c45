package org.stageboard.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recipe as JSON: the {@code stageboard.json} a repository commits (and the form the catalog
 * keeps). Schema:
 * <pre>
 * {
 *   "steps": [ {"name": "test", "run": "./mvnw -B -q test"},
 *              {"name": "package", "run": "./mvnw -B -q package -DskipTests"} ],
 *   "artifacts": ["target/*.jar"],
 *   "env": {"MAVEN_OPTS": "-Xmx1g"},
 *   "caches": [".m2"]
 * }
 * </pre>
 * {@code steps} and {@code artifacts} are required ({@code "command": "..."} may replace
 * {@code steps} for one step named {@code build}; {@code artifacts} may be one string);
 * {@code env} and {@code caches} are optional. Any other key is refused. Every error names the
 * line and column where it is.
 */
public final class RecipeJson {

    /** The file a repository commits at its root to give its own recipe. */
    public static final String FILE_NAME = "stageboard.json";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecipeJson() {
    }

    /** Reads a recipe; {@code source} names the file in error messages (e.g. {@code stageboard.json of commit a1b2c3d}). */
    public static Recipe parse(String text, String source) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw error(source, p.currentTokenLocation(), "the file must hold one JSON object, e.g. "
                        + "{\"steps\": [{\"name\": \"package\", \"run\": \"make\"}], \"artifacts\": [\"dist/**\"]}");
            }
            JsonLocation start = p.currentTokenLocation();
            List<RecipeStep> steps = null;
            List<String> globs = null;
            Map<String, String> env = Map.of();
            List<String> caches = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                p.nextToken();
                switch (field) {
                    case "steps" -> steps = readSteps(p, source);
                    case "command" -> {
                        String command = readString(p, source, "\"command\"");
                        steps = List.of(located(source, at, () -> new RecipeStep(Recipe.SINGLE_STEP, command)));
                    }
                    case "artifacts" -> globs = p.currentToken() == JsonToken.VALUE_STRING ? List.of(p.getText())
                            : readStrings(p, source, "\"artifacts\"");
                    case "env" -> env = readEnv(p, source);
                    case "caches" -> caches = readStrings(p, source, "\"caches\"");
                    default -> throw error(source, at, "unknown key \"" + field + "\": the keys are steps (or command), artifacts, env and caches");
                }
            }
            if (p.nextToken() != null) {
                throw error(source, p.currentTokenLocation(), "unexpected content after the recipe's closing '}'");
            }
            if (steps == null) {
                throw error(source, start, "the recipe has no \"steps\": add e.g. \"steps\": [{\"name\": \"package\", \"run\": \"make\"}]");
            }
            if (globs == null) {
                throw error(source, start, "the recipe has no \"artifacts\": add the globs of the files to pack, e.g. \"artifacts\": [\"target/*.jar\"]");
            }
            List<RecipeStep> s = steps;
            List<String> g = globs;
            Map<String, String> e = env;
            List<String> c = caches;
            return located(source, start, () -> new Recipe(s, g, e, c));
        } catch (JsonProcessingException e) {
            throw error(source, e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new StageboardException("Could not read " + source + ": " + e.getMessage(), e);
        }
    }

    /** The recipe as {@code stageboard.json} text. */
    public static String write(Recipe recipe) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode steps = root.putArray("steps");
        recipe.steps().forEach(s -> steps.addObject().put("name", s.name()).put("run", s.command()));
        ArrayNode globs = root.putArray("artifacts");
        recipe.artifactGlobs().forEach(globs::add);
        if (!recipe.env().isEmpty()) {
            ObjectNode env = root.putObject("env");
            recipe.env().forEach(env::put);
        }
        if (!recipe.caches().isEmpty()) {
            ArrayNode caches = root.putArray("caches");
            recipe.caches().forEach(caches::add);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RecipeStep> readSteps(JsonParser p, String source) throws IOException {
        expect(p, JsonToken.START_ARRAY, source, "\"steps\" must be a list of {\"name\": ..., \"run\": ...} objects");
        List<RecipeStep> steps = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            expect(p, JsonToken.START_OBJECT, source, "each step must be an object {\"name\": \"test\", \"run\": \"...\"}");
            String name = null;
            String run = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonLocation fieldAt = p.currentTokenLocation();
                p.nextToken();
                switch (field) {
                    case "name" -> name = readString(p, source, "a step's \"name\"");
                    case "run" -> run = readString(p, source, "a step's \"run\"");
                    default -> throw error(source, fieldAt, "unknown key \"" + field + "\" in a step: a step has \"name\" and \"run\"");
                }
            }
            if (name == null || run == null) {
                throw error(source, at, "a step needs both \"name\" and \"run\" (the shell command)");
            }
            String n = name;
            String r = run;
            RecipeStep step = located(source, at, () -> new RecipeStep(n, r));
            if (steps.stream().anyMatch(s -> s.name().equals(n))) {
                throw error(source, at, "two steps are named '" + n + "': give each step its own name");
            }
            steps.add(step);
        }
        if (steps.isEmpty()) {
            throw error(source, p.currentTokenLocation(), "\"steps\" is empty: give at least one step");
        }
        return steps;
    }

    private static Map<String, String> readEnv(JsonParser p, String source) throws IOException {
        expect(p, JsonToken.START_OBJECT, source, "\"env\" must be an object of names and string values, e.g. {\"CI\": \"true\"}");
        Map<String, String> env = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonLocation at = p.currentTokenLocation();
            p.nextToken();
            String value = readString(p, source, "the value of \"" + name + "\" in \"env\"");
            located(source, at, () -> new Recipe(List.of(new RecipeStep("check", "true")), List.of("**"), Map.of(name, value), List.of()));
            env.put(name, value);
        }
        return env;
    }

    private static List<String> readStrings(JsonParser p, String source, String what) throws IOException {
        expect(p, JsonToken.START_ARRAY, source, what + " must be a list of strings");
        List<String> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            String value = readString(p, source, "each entry of " + what);
            if (value.isBlank()) {
                throw error(source, at, "an entry of " + what + " is empty");
            }
            if (what.equals("\"caches\"")) {
                located(source, at, () -> Recipe.checkCacheFolder(value));
            }
            values.add(value);
        }
        return values;
    }

    private static String readString(JsonParser p, String source, String what) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error(source, p.currentTokenLocation(), what + " must be a string in double quotes");
        }
        return p.getText();
    }

    private static void expect(JsonParser p, JsonToken token, String source, String message) {
        if (p.currentToken() != token) {
            throw error(source, p.currentTokenLocation(), message);
        }
    }

    private static <T> T located(String source, JsonLocation at, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (StageboardException e) {
            throw error(source, at, e.getMessage());
        }
    }

    private static StageboardException error(String source, JsonLocation at, String message) {
        String where = at == null || at.getLineNr() < 0 ? source : source + ", line " + at.getLineNr() + ", column " + at.getColumnNr();
        String text = message.endsWith(".") ? message : message + ".";
        return new RecipeFileException(where + ": " + text, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr());
    }

    /** A recipe file that cannot be used, with where the problem is. */
    public static final class RecipeFileException extends StageboardException {
        private final int line;
        private final int column;

        RecipeFileException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        /** 1-based line of the problem, or -1 when unknown. */
        public int line() {
            return line;
        }

        /** 1-based column of the problem, or -1 when unknown. */
        public int column() {
            return column;
        }
    }
}
