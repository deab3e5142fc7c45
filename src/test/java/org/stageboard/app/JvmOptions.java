package org.stageboard.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads packaging/jvm.options: one JVM option per line; blank lines and lines starting with # are left out. */
public final class JvmOptions {

    private JvmOptions() {
    }

    public static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
