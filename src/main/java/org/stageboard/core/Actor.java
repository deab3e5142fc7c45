package org.stageboard.core;

/** Who is acting: {@code STAGEBOARD_ACTOR} if set, else the operating-system user. */
public final class Actor {
    private Actor() {
    }

    public static String current() {
        String actor = System.getenv("STAGEBOARD_ACTOR");
        if (actor == null || actor.isBlank()) {
            actor = System.getProperty("user.name", "unknown");
        }
        return actor;
    }
}
