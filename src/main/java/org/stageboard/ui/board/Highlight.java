package org.stageboard.ui.board;

import java.util.List;

/** How a card looks against the selected commit: part of its journey, dimmed, or plain when nothing is selected. */
public enum Highlight {
    NONE, IN_JOURNEY, DIMMED;

    /** Sets a card's or slot's style classes for this highlight and its selection ({@code in-journey}, {@code dimmed}, {@code selected}). */
    void applyTo(List<String> styleClasses, boolean selected) {
        styleClasses.removeAll(List.of("in-journey", "dimmed", "selected"));
        if (this == IN_JOURNEY) {
            styleClasses.add("in-journey");
        } else if (this == DIMMED) {
            styleClasses.add("dimmed");
        }
        if (selected) {
            styleClasses.add("selected");
        }
    }
}
