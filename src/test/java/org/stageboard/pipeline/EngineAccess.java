package org.stageboard.pipeline;

import org.stageboard.catalog.Catalog;

/**
 * For tests outside the pipeline package that must arrange or check the catalog directly (a run
 * left by a crash, a key pinned behind the app's back). The product has no such door: the window
 * and the CLI go through the engine only.
 */
public final class EngineAccess {

    private EngineAccess() {
    }

    public static Catalog catalog(Stageboard engine) {
        return engine.catalog();
    }
}
