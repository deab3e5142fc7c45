package org.stageboard.ui.board;

import java.util.List;
import java.util.Set;

/**
 * Everything connected to the selected commit, build, release or host across the lanes, as keys
 * ({@link #commit}, {@link #build}, {@link #release}, {@link #host}), and the links the board draws
 * between them, from left to right: commit to build, build to release, release to host.
 */
public record Journey(Set<String> keys, List<Link> links) {

    public static final Journey NONE = new Journey(Set.of(), List.of());

    /** One drawn connection, from a card of one lane to a card of the next. */
    public record Link(String from, String to) {
    }

    public Journey {
        keys = Set.copyOf(keys);
        links = List.copyOf(links);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public boolean contains(String key) {
        return keys.contains(key);
    }

    public static String commit(String sha) {
        return "commit:" + sha;
    }

    public static String build(long id) {
        return "build:" + id;
    }

    public static String release(long id) {
        return "release:" + id;
    }

    /** The key of a host slot: one environment on one host. */
    public static String host(long environmentId, long hostId) {
        return "host:" + environmentId + ":" + hostId;
    }

    public static String host(HostSlot slot) {
        return host(slot.environment().id(), slot.host().id());
    }

    /** The key of a build or release card. */
    public static String of(Card card) {
        return card.lane() == Lane.BUILD ? build(card.id()) : card.lane() == Lane.RELEASE ? release(card.id()) : "run:" + card.id();
    }
}
