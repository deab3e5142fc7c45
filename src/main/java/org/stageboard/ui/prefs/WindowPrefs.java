package org.stageboard.ui.prefs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the window remembers between starts: its size and position, whether it was maximized, the
 * project shown last and the theme. Kept in {@value #FILE} in the Stageboard home, written to a
 * temporary file and moved into place, so that a crash while saving never leaves half a file.
 * A missing or unreadable file (or a value that is not a number) gives the defaults.
 */
public record WindowPrefs(double x, double y, double width, double height, boolean maximized, String lastProject, String theme) {

    public static final String FILE = "window.properties";

    public static final double DEFAULT_WIDTH = 1360;
    public static final double DEFAULT_HEIGHT = 840;

    /** No position yet (the window is centred), the default size, no project, the light theme. */
    public static WindowPrefs defaults() {
        return new WindowPrefs(Double.NaN, Double.NaN, DEFAULT_WIDTH, DEFAULT_HEIGHT, false, null, "light");
    }

    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    public Optional<String> project() {
        return Optional.ofNullable(lastProject).filter(p -> !p.isBlank());
    }

    public WindowPrefs withBounds(double x, double y, double width, double height, boolean maximized) {
        return new WindowPrefs(x, y, width, height, maximized, lastProject, theme);
    }

    public WindowPrefs withLastProject(String project) {
        return new WindowPrefs(x, y, width, height, maximized, project, theme);
    }

    public WindowPrefs withTheme(String theme) {
        return new WindowPrefs(x, y, width, height, maximized, lastProject, theme);
    }

    /** Reads the preferences in the home folder; the defaults where there are none. */
    public static WindowPrefs load(Path home) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (NoSuchFileException e) {
            return defaults();
        } catch (IOException | IllegalArgumentException e) {
            return defaults();
        }
        WindowPrefs d = defaults();
        return new WindowPrefs(number(p, "x", d.x), number(p, "y", d.y), positive(p, "width", d.width), positive(p, "height", d.height),
                Boolean.parseBoolean(p.getProperty("maximized", "false")), p.getProperty("lastProject"), p.getProperty("theme", d.theme));
    }

    /** Writes the preferences atomically (a temporary file moved over the old one). */
    public void save(Path home) {
        Properties p = new Properties();
        if (hasPosition()) {
            p.setProperty("x", Double.toString(x));
            p.setProperty("y", Double.toString(y));
        }
        p.setProperty("width", Double.toString(width));
        p.setProperty("height", Double.toString(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        if (lastProject != null) {
            p.setProperty("lastProject", lastProject);
        }
        p.setProperty("theme", theme == null ? "light" : theme);
        Path target = home.resolve(FILE);
        try {
            Files.createDirectories(home);
            Path temp = Files.createTempFile(home, FILE, ".tmp");
            try {
                try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    p.store(writer, "Stageboard window: size, position, last project, theme");
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the window's preferences to " + target + ": " + e.getMessage(), e);
        }
    }

    private static double number(Properties p, String key, double fallback) {
        try {
            String value = p.getProperty(key);
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double positive(Properties p, String key, double fallback) {
        double value = number(p, key, fallback);
        return value > 100 && Double.isFinite(value) ? value : fallback;
    }
}
