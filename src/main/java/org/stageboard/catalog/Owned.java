package org.stageboard.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.stageboard.core.ProcessIdentity;

/** A running build or run and the owner recorded for it ({@code null} when none was). */
record Owned(long id, String owner) {

    static Owned map(ResultSet rs) throws SQLException {
        return new Owned(rs.getLong("id"), rs.getString("owner"));
    }

    /**
     * True when the owner is known to be gone: it ran on this machine and no longer does. Work
     * without a readable owner (recorded before owners were kept) counts as gone: no process of
     * that time can still be running it after the catalog was upgraded.
     */
    boolean ownerGone() {
        Optional<ProcessIdentity> identity = ProcessIdentity.parse(owner);
        return identity.isEmpty() || identity.get().isGoneHere();
    }

    /** The owner as people read it: {@code alice@laptop pid 4242}. */
    String ownerForPeople() {
        return ProcessIdentity.parse(owner)
                .map(p -> p.user() + "@" + p.machine() + " pid " + p.pid())
                .orElse(owner == null || owner.isBlank() ? "not recorded: started before Stageboard kept owners" : owner);
    }
}
