package org.stageboard.ui.log;

import java.nio.file.Path;

/** One log a viewer can show: its name in the viewer's chooser ({@code whole build}, {@code 2 · test}) and its file. */
public record LogSource(String name, Path file) {

    @Override
    public String toString() {
        return name;
    }
}
