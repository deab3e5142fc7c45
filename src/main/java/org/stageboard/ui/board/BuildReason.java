package org.stageboard.ui.board;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stageboard.core.Build;

/**
 * Why a build failed, short enough for its card's one line: the failing step and its exit code
 * ({@code exit 1 · step test}), else the exit code, else what else went wrong (no artifact
 * files matched, or the first line of its message cut with … when long). Only the message's
 * first line is read, never the output lines after it (those stay in the tooltip and the log).
 */
final class BuildReason {

    /**
     * The longest reason a card shows, in characters, … included: the Build lane is a list whose
     * cards do not wrap, so the reason must fit one line of a lane in the default window.
     */
    static final int MAX = 26;

    private static final Pattern STEP = Pattern.compile("^Step '(.*)' exited with code (-?\\d+)\\.");
    private static final Pattern NO_ARTIFACT = Pattern.compile("^The artifact paths .* matched no files");
    private static final Pattern COMMAND = Pattern.compile("^The build command exited with code (-?\\d+)\\.");

    private BuildReason() {
    }

    static String of(Build build) {
        String message = build.message() == null ? "" : build.message().strip();
        String first = message.lines().findFirst().orElse("").strip();
        Matcher step = STEP.matcher(first);
        if (step.find()) {
            // The exit code first: when a lane is narrower still, the label cuts the name's end, not the code.
            String exit = "exit " + step.group(2) + " · step ";
            return exit + cut(step.group(1), MAX - exit.length());
        }
        Matcher command = COMMAND.matcher(first);
        if (command.find()) {
            return "exit " + command.group(1);
        }
        if (NO_ARTIFACT.matcher(first).find()) {
            return "no artifact files matched";
        }
        if (!first.isEmpty()) {
            return cut(first.endsWith(".") ? first.substring(0, first.length() - 1) : first, MAX);
        }
        return build.exitCode() == null ? "failed" : "exit " + build.exitCode();
    }

    /** The text, or its start and … when longer than {@code max} characters. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)).stripTrailing() + "…";
    }
}
