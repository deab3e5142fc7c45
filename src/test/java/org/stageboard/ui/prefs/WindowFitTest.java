package org.stageboard.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window never opens larger than its screen, nor off it (computed without starting JavaFX). */
class WindowFitTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);

    @Test
    void theDefaultSizeIsCutToASmallScreen() {
        Rectangle2D fitted = WindowPlacement.fit(WindowPrefs.defaults(), LAPTOP);
        assertThat(fitted.getWidth()).isEqualTo(WindowPrefs.DEFAULT_WIDTH);
        assertThat(fitted.getHeight()).as("1360 x 840 by default; the laptop's screen is 740 px high").isEqualTo(740);
    }

    @Test
    void aRememberedWindowThatFitsStaysAsItWas() {
        WindowPrefs prefs = WindowPrefs.defaults().withBounds(30, 40, 1200, 700, false);
        assertThat(WindowPlacement.fit(prefs, LAPTOP)).isEqualTo(new Rectangle2D(30, 40, 1200, 700));
    }

    @Test
    void aWindowRememberedFromABiggerScreenIsCutAndMovedBackOntoThisOne() {
        WindowPrefs prefs = WindowPrefs.defaults().withBounds(900, 500, 1800, 1000, false);
        assertThat(WindowPlacement.fit(prefs, LAPTOP)).isEqualTo(new Rectangle2D(0, 0, 1366, 740));
        WindowPrefs halfOff = WindowPrefs.defaults().withBounds(600, 300, 1000, 600, false);
        assertThat(WindowPlacement.fit(halfOff, LAPTOP)).isEqualTo(new Rectangle2D(366, 140, 1000, 600));
    }

    @Test
    void aSecondScreenToTheRightKeepsItsOwnCoordinates() {
        Rectangle2D right = new Rectangle2D(1920, 0, 1280, 1024);
        WindowPrefs prefs = WindowPrefs.defaults().withBounds(2000, 100, 1360, 840, false);
        assertThat(WindowPlacement.fit(prefs, right)).isEqualTo(new Rectangle2D(1920, 100, 1280, 840));
    }
}
