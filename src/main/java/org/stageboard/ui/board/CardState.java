package org.stageboard.ui.board;

/** How a card is coloured: one style class per state. */
public enum CardState {
    RUNNING("state-running"),
    SUCCESS("state-success"),
    FAILED("state-failed"),
    ROLLED_BACK("state-rolled-back"),
    SUPERSEDED("state-superseded"),
    NEUTRAL("state-neutral");

    private final String styleClass;

    CardState(String styleClass) {
        this.styleClass = styleClass;
    }

    public String styleClass() {
        return styleClass;
    }
}
