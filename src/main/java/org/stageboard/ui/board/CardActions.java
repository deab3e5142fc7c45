package org.stageboard.ui.board;

import org.stageboard.core.Build;
import org.stageboard.core.Release;
import org.stageboard.core.Run;

/** What the buttons on a card or a host slot do; the main window implements it. */
public interface CardActions {

    void release(Build build);

    void deploy(Release release);

    void rollback(Run run);

    void openLog(Card card);

    /** Reads every host again. */
    void readHosts();

    /** Breaks the slot's environment lock on its host, after the user confirmed. */
    void breakLock(HostSlot slot);

    /** Rolls the slot's environment on its host back, after the user saw what would run. */
    void rollback(HostSlot slot);
}
