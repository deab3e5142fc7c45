package org.stageboard.ui.board;

import java.util.List;
import org.stageboard.core.Environment;

/** One environment's row in the Release lane: its newest releases as cards, and how many it has in all. */
public record ReleaseRow(Environment environment, List<Card> cards, int total) {

    /** How many older releases the row does not show. */
    public int older() {
        return Math.max(0, total - cards.size());
    }
}
