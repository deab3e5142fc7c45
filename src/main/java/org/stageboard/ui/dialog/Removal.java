package org.stageboard.ui.dialog;

import java.util.function.Consumer;
import org.stageboard.core.ForceNeededException;
import org.stageboard.core.StageboardException;

/**
 * A removal asked of the engine, and how it came out: done; refused because something depends on
 * it (the engine's message names what: nothing to do here but what it says); or refused until
 * forced because history would be lost (the engine's message says how much: ask, then force).
 */
public final class Removal {

    /** How a removal without force came out. */
    public enum Outcome { REMOVED, REFUSED, NEEDS_FORCE }

    private final Outcome outcome;
    private final String message;

    private Removal(Outcome outcome, String message) {
        this.outcome = outcome;
        this.message = message;
    }

    /**
     * Runs {@code remove} with force off (blocking: run it in the background). The engine refuses a
     * removal that loses history with a {@link ForceNeededException}; that one is NEEDS_FORCE.
     */
    public static Removal attempt(Consumer<Boolean> remove) {
        try {
            remove.accept(false);
            return new Removal(Outcome.REMOVED, "");
        } catch (ForceNeededException e) {
            return new Removal(Outcome.NEEDS_FORCE, e.getMessage());
        } catch (StageboardException e) {
            return new Removal(Outcome.REFUSED, e.getMessage());
        }
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The engine's message, as it is. */
    public String message() {
        return message;
    }

    /** The engine's message for a confirmation in the window: what would be lost, without the CLI's option. */
    public String lossText() {
        return message.replaceAll("\\s*To go ahead, remove it with --force\\.?", "").strip();
    }
}
