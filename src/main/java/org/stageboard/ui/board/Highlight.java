package org.stageboard.ui.board;

/** How a card looks against the selected commit: part of its journey, dimmed, or plain when nothing is selected. */
public enum Highlight {
    NONE, IN_JOURNEY, DIMMED
}
