package org.stageboard.ui.board;

import org.stageboard.core.Build;
import org.stageboard.core.Release;
import org.stageboard.core.Run;

/** What the buttons on a card do; the main window implements it. */
public interface CardActions {

    void release(Build build);

    void deploy(Release release);

    void rollback(Run run);

    void openLog(Card card);
}
