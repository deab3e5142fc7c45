package org.stageboard.ui.board;

import org.stageboard.core.Environment;

/** Where a card can be dropped: an environment's row in Release or Run, or one host slot (with its environment). */
public record DropTarget(Kind kind, Environment environment, HostSlot slot) {

    public enum Kind {
        RELEASE_ROW, RUN_ROW, HOST
    }

    public static DropTarget releaseRow(Environment environment) {
        return new DropTarget(Kind.RELEASE_ROW, environment, null);
    }

    public static DropTarget runRow(Environment environment) {
        return new DropTarget(Kind.RUN_ROW, environment, null);
    }

    public static DropTarget host(HostSlot slot) {
        return new DropTarget(Kind.HOST, slot.environment(), slot);
    }
}
