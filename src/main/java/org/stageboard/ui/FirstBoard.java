package org.stageboard.ui;

import java.util.List;
import org.stageboard.core.Project;
import org.stageboard.pipeline.BoardPage;
import org.stageboard.pipeline.BoardSnapshot;
import org.stageboard.pipeline.Stageboard;

/**
 * What the window shows when it opens: the projects, the one shown (the one shown last time if it
 * is still there, else the first) and its board's first page. Read in one go off the FX thread, so
 * that the first board does not wait for the window to be laid out between two reads; the app
 * starts reading it while JavaFX itself starts.
 */
public record FirstBoard(List<Project> projects, Project shown, BoardSnapshot snapshot) {
    // snapshot is null when there is no project, or when reading its board failed.

    public FirstBoard {
        projects = List.copyOf(projects);
    }

    /** Reads it; {@code preferred} is the name of the project to show, or null for the first. */
    public static FirstBoard read(Stageboard engine, String preferred) {
        List<Project> projects = engine.projects();
        Project shown = projects.stream().filter(p -> p.name().equals(preferred)).findFirst()
                .orElse(projects.isEmpty() ? null : projects.get(0));
        BoardSnapshot snapshot = null;
        if (shown != null) {
            try {
                snapshot = engine.board(shown, BoardPage.FIRST);
            } catch (RuntimeException e) {
                // Left to the window's own read of the board, which says what went wrong.
                snapshot = null;
            }
        }
        return new FirstBoard(projects, shown, snapshot);
    }
}
