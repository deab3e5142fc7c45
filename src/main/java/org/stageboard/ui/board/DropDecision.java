package org.stageboard.ui.board;

/**
 * What dropping a card on a target means: the action (none when refused) and a sentence saying
 * what will happen or why not, shown while the card is over the target.
 */
public record DropDecision(Action action, String reason) {

    public enum Action {
        /** Release the dragged build to the target environment. */
        RELEASE,
        /** Deploy the dragged release to the target host. */
        DEPLOY_HOST,
        /** Deploy the dragged release to its environment (the deploy dialog asks which hosts). */
        DEPLOY_ENVIRONMENT,
        NONE
    }

    public static DropDecision refuse(String reason) {
        return new DropDecision(Action.NONE, reason);
    }

    public boolean allowed() {
        return action != Action.NONE;
    }
}
