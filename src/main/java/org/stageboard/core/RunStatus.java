package org.stageboard.core;

/**
 * Where a run is. {@code LIVE}: the release runs and answered health. {@code SUPERSEDED}: a later
 * run replaced it. {@code FAILED}: it failed before anything was switched; the host serves what it
 * served before. {@code ROLLED_BACK}: the new release failed and the previous one serves again.
 * {@code CANCELLED}: the user stopped it; the host serves what it served before. {@code INTERRUPTED}:
 * the process running it died (crash, kill); what the host has is read from the host.
 * {@code APP_DOWN}: the host was left without a running app; the message says exactly what state it is in.
 * {@code SKIPPED}: a deploy over several hosts stopped before this host (another host failed); nothing was
 * done here. {@code STOPPED}: the user stopped the app on purpose.
 */
public enum RunStatus {
    RUNNING, LIVE, SUPERSEDED, FAILED, ROLLED_BACK, CANCELLED, INTERRUPTED, APP_DOWN, SKIPPED, STOPPED;

    /** As people read it: {@code live}, {@code rolled back}, … */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** True once the run has ended, whatever the outcome. */
    public boolean finished() {
        return this != RUNNING;
    }

    /** True for outcomes that need the user's attention (the host may not serve what was asked). */
    public boolean bad() {
        return this == FAILED || this == APP_DOWN || this == INTERRUPTED;
    }
}
