package org.stageboard.catalog;

import java.nio.file.Path;

/**
 * Run in a second JVM by {@link CatalogAfterKillTest}: opens the catalog, appends one event and one
 * project, prints their ids, then halts without closing anything, as a {@code kill -9} of the CLI would.
 */
public final class KilledWriter {
    public static void main(String[] args) {
        Catalog catalog = Catalog.open(Path.of(args[0]));
        long event = catalog.events().append("crash", "p", "probe", "s", "ok", "d").id();
        System.out.println("event " + event);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
