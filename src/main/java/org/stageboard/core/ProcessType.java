package org.stageboard.core;

import java.util.regex.Pattern;

/**
 * One kind of process a release runs ({@code web}, {@code worker}, …), its command, and how many
 * instances of it run on each host. Instance {@code i} (from 1) of the {@code web} type serves on
 * its own {@code PORT}; see {@link Processes}.
 */
public record ProcessType(String name, String command, int count) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,30}");
    /** The most instances of one type on one host. */
    public static final int MAX_COUNT = 32;

    public ProcessType {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new StageboardException("The process type '" + name + "' is not a valid name: use lowercase letters, digits, '_' and '-',"
                    + " starting with a letter (e.g. web, worker).");
        }
        if (command == null || command.isBlank()) {
            throw new StageboardException("The process type '" + name + "' has no command: give the command that starts it.");
        }
        command = command.strip();
        if (count < 0 || count > MAX_COUNT) {
            throw new StageboardException("The count of '" + name + "' must be between 0 and " + MAX_COUNT + ", not " + count + ".");
        }
    }

    /** The type that answers the health check and gets {@code PORT}. */
    public boolean web() {
        return name.equals(Processes.WEB);
    }

    public ProcessType withCount(int newCount) {
        return new ProcessType(name, command, newCount);
    }
}
