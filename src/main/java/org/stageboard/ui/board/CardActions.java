package org.stageboard.ui.board;

import org.stageboard.core.Build;
import org.stageboard.core.Release;
import org.stageboard.core.Run;

/** What the buttons on a card or a host slot do; the main window implements it. */
public interface CardActions {

    void release(Build build);

    void deploy(Release release);

    /** Shows the release's page: build, commit, config version, who made it, where it runs, the diff from what is live. */
    void details(Release release);

    /** Makes a release of the next environment from this release's exact artifact, after the user confirmed. */
    void promote(Release release);

    /** Builds the build's commit again without the cache. */
    void rebuild(Build build);

    void rollback(Run run);

    void openLog(Card card);

    /** Reads every host again. */
    void readHosts();

    /** Breaks the slot's environment lock on its host, after the user confirmed. */
    void breakLock(HostSlot slot);

    /** Rolls the slot's environment on its host back, after the user saw what would run. */
    void rollback(HostSlot slot);

    /** Stops the app on the slot's host, after the user confirmed. */
    void stop(HostSlot slot);

    /** Starts the current release's app on the slot's host. */
    void start(HostSlot slot);

    /** Restarts the current release on the slot's host (no new release), after the user confirmed. */
    void restart(HostSlot slot);

    /** Asks for a one-off command and runs it in the current release on the slot's host, showing its output. */
    void exec(HostSlot slot);

    /** Opens a view that follows the app's logs on the slot's host. */
    void logs(HostSlot slot);
}
