package org.stageboard.ssh;

import java.util.List;
import java.util.OptionalLong;

/** Reads {@code df -Pk} output, which may follow whatever a login shell prints first. */
final class DiskSpace {

    private DiskSpace() {
    }

    /** The command that prints the free space of the file system holding {@code folder}. */
    static String command(String folder) {
        return "df -Pk -- " + ShellQuote.quote(folder);
    }

    /**
     * Available kilobytes from {@code df -Pk} output: the last line whose second to fourth fields
     * are numbers (1024-blocks, used, available). Empty when no such line is there.
     */
    static OptionalLong availableKb(String dfOutput) {
        List<String> lines = dfOutput == null ? List.of() : dfOutput.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] fields = lines.get(i).trim().split("\\s+");
            if (fields.length >= 6 && numeric(fields[1]) && numeric(fields[2]) && numeric(fields[3])) {
                return OptionalLong.of(Long.parseLong(fields[3]));
            }
        }
        return OptionalLong.empty();
    }

    private static boolean numeric(String field) {
        return !field.isEmpty() && field.length() < 19 && field.chars().allMatch(Character::isDigit);
    }
}
