package org.stageboard.ui.board;

/**
 * One build, release or run as the board shows it. {@code item} is the engine record
 * ({@link org.stageboard.core.Build}, {@link org.stageboard.core.Release} or {@link org.stageboard.core.Run}).
 * {@code commitSha} may be null when the record's commit is unknown.
 */
public record Card(Lane lane, long id, String commitSha, String title, String detail, CardState state, Object item) {

    /** Title and detail on one line, e.g. {@code #3 · a1b2c3d · ✓ 42 s · 12.4 MB}. */
    public String text() {
        return title + " · " + detail;
    }

    public boolean belongsTo(String sha) {
        return sha != null && sha.equals(commitSha);
    }

    /** Same record, so that a selection survives a refresh. */
    public boolean sameAs(Card other) {
        return other != null && other.lane == lane && other.id == id;
    }
}
