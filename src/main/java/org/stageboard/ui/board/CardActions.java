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

    /** Releases the build to one environment (a build dropped on that environment's row); by default as {@link #release(Build)}. */
    default void release(Build build, org.stageboard.core.Environment environment) {
        release(build);
    }

    /** Deploys the release to one host (a release dropped on that host's slot); by default as {@link #deploy(Release)}. */
    default void deploy(Release release, org.stageboard.core.Host host) {
        deploy(release);
    }

    /**
     * Loads a release's page in the background (build, commit, config, and the diff against
     * {@code live}, the release live on its environment, or null) and hands its lines to {@code then}
     * on the UI thread. By default nothing is loaded.
     */
    default void releasePage(Release release, Release live, java.util.function.Consumer<java.util.List<String>> then) {
    }

    /** Loads the newest runs of the slot's environment on its host in the background, for its "Recent runs" list. */
    default void recentRuns(HostSlot slot, java.util.function.Consumer<java.util.List<Run>> then) {
    }
}
