package org.stageboard.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which processes a release runs on each host, and how many of each. The commands come, first
 * found: from the environment's own process list ({@code procfile}, in Procfile form
 * {@code name: command}, one per line), from a {@code Procfile} in the artifact, or from the
 * environment's start command as the single type {@code web}. {@code scale} sets counts per type
 * ({@code web=2,worker=1}); a type without a count runs once. A {@code release} line in a Procfile
 * is not a process: it is the release command when the environment sets none (as on Heroku).
 * With {@link #EMPTY} a release runs one {@code web} process, the simple default.
 */
public record Processes(String procfile, Map<String, Integer> scale) {

    public static final String WEB = "web";
    public static final String RELEASE_TYPE = "release";
    public static final Processes EMPTY = new Processes("", Map.of());

    public Processes {
        procfile = procfile == null ? "" : procfile.strip();
        scale = scale == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scale)); // in the order given
        Map<String, String> own = parseProcfile(procfile, "the environment's process list");
        scale.forEach((type, count) -> new ProcessType(type, "-", count));
        if (!own.isEmpty()) {
            for (String type : scale.keySet()) {
                if (!own.containsKey(type)) {
                    throw new StageboardException("The scale names '" + type + "', but the process list has " + String.join(", ", own.keySet())
                            + ": remove '" + type + "' from the scale or add it to the processes.");
                }
            }
        }
    }

    /** Parses {@code web=2,worker=1} (commas or spaces between). */
    public static Map<String, Integer> parseScale(String text) {
        Map<String, Integer> result = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String part : text.strip().split("[,\\s]+")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new StageboardException("'" + part + "' is not a count: write TYPE=COUNT, e.g. web=2,worker=1.");
            }
            String type = part.substring(0, eq).strip();
            int count;
            try {
                count = Integer.parseInt(part.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new StageboardException("The count in '" + part + "' is not a number: write TYPE=COUNT, e.g. web=2.");
            }
            new ProcessType(type, "-", count);
            result.put(type, count);
        }
        return result;
    }

    /** {@code web=2,worker=1}, or empty. */
    public String scaleText() {
        return String.join(",", scale.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /**
     * Parses Procfile text: {@code name: command} per line; blank lines and {@code #} comments
     * ignored. A bad line is refused naming its number. Keeps the file's order.
     */
    public static Map<String, String> parseProcfile(String text, String source) {
        Map<String, String> commands = new LinkedHashMap<>();
        if (text == null) {
            return commands;
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new StageboardException(source + ", line " + (i + 1) + ": '" + line + "' is not 'name: command'.");
            }
            String name = line.substring(0, colon).strip();
            String command = line.substring(colon + 1).strip();
            try {
                new ProcessType(name, command, 1);
            } catch (StageboardException e) {
                throw new StageboardException(source + ", line " + (i + 1) + ": " + e.getMessage());
            }
            if (commands.put(name, command) != null) {
                throw new StageboardException(source + ", line " + (i + 1) + ": the type '" + name + "' is given twice.");
            }
        }
        return commands;
    }

    /**
     * The process types to run: from this list, else {@code artifactProcfile} (the artifact's
     * Procfile text, or null), else {@code startCommand} as {@code web}; counts from {@code scale}.
     * The {@code release} type is left out (see {@link #releaseCommand}).
     */
    public List<ProcessType> resolve(String startCommand, String artifactProcfile) {
        Map<String, String> commands = !procfile.isEmpty() ? parseProcfile(procfile, "the environment's process list")
                : artifactProcfile != null && !artifactProcfile.isBlank() ? parseProcfile(artifactProcfile, "the artifact's Procfile")
                : Map.of(WEB, startCommand == null ? "" : startCommand);
        for (String type : scale.keySet()) {
            if (!commands.containsKey(type)) {
                throw new StageboardException("The scale names '" + type + "', but the processes are " + String.join(", ", commands.keySet())
                        + " (" + source(artifactProcfile) + "): remove '" + type + "' from the scale or add it to the processes.");
            }
        }
        List<ProcessType> types = new ArrayList<>();
        commands.forEach((name, command) -> {
            if (!name.equals(RELEASE_TYPE)) {
                types.add(new ProcessType(name, command, scale.getOrDefault(name, 1)));
            }
        });
        if (types.stream().mapToInt(ProcessType::count).sum() == 0) {
            throw new StageboardException("Every process type has a count of 0 (" + source(artifactProcfile) + "): nothing would run.");
        }
        return types;
    }

    /** Where {@link #resolve} took the commands from, in words. */
    public String source(String artifactProcfile) {
        return !procfile.isEmpty() ? "the environment's process list"
                : artifactProcfile != null && !artifactProcfile.isBlank() ? "the artifact's Procfile" : "the start command";
    }

    /** The {@code release:} line of the processes or the artifact's Procfile, or null. */
    public String releaseCommand(String artifactProcfile) {
        Map<String, String> commands = !procfile.isEmpty() ? parseProcfile(procfile, "the environment's process list")
                : artifactProcfile != null ? parseProcfile(artifactProcfile, "the artifact's Procfile") : Map.of();
        return commands.get(RELEASE_TYPE);
    }
}
