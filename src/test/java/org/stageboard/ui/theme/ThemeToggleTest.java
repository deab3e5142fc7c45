package org.stageboard.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.stageboard.ui.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The toolbar's switch changes the application's stylesheet between AtlantaFX's Primer light and dark, and back. */
@ExtendWith(ApplicationExtension.class)
class ThemeToggleTest {

    private Label text;

    @Start
    void start(Stage stage) {
        ActiveTheme.set(Theme.LIGHT);
        text = new Label("A label in the theme's text colour");
        text.getStyleClass().add("sample");
        Scene scene = new Scene(new HBox(8, new ThemeToggle(), text), 500, 80);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void backToLight() {
        WaitForAsyncUtils.asyncFx(() -> ActiveTheme.set(Theme.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSwitchAppliesDarkThenLightAndSaysWhatItWouldDo(FxRobot robot) {
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        double lightText = brightness(text);
        assertThat(robot.lookup("#themeToggle").queryLabeled().getAccessibleText()).isEqualTo("Dark theme");

        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(ActiveTheme.get()).isEqualTo(Theme.DARK);
        assertThat(robot.lookup("#themeToggle").queryLabeled().getAccessibleText()).isEqualTo("Light theme");
        assertThat(((FontIcon) robot.lookup("#themeToggle").queryLabeled().getGraphic()).getIconLiteral()).isEqualTo("fth-sun");
        assertThat(brightness(text)).as("text turns light on the dark theme").isGreaterThan(lightText + 0.4);

        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(robot.lookup("#themeToggle").queryLabeled().getAccessibleText()).isEqualTo("Dark theme");
    }

    private static double brightness(Label label) {
        double[] value = new double[1];
        WaitForAsyncUtils.asyncFx(() -> {
            label.applyCss();
            value[0] = ((Color) label.getTextFill()).getBrightness();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return value[0];
    }

    @Test
    void namesReadBackAndAnythingElseIsLight() {
        assertThat(Theme.named("dark")).isEqualTo(Theme.DARK);
        assertThat(Theme.named(" DARK ")).isEqualTo(Theme.DARK);
        assertThat(Theme.named("solarized")).isEqualTo(Theme.LIGHT);
        assertThat(Theme.named(null)).isEqualTo(Theme.LIGHT);
        assertThat(Theme.DARK.id()).isEqualTo("dark");
    }
}
