package org.stageboard.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the window remembers between starts, in a file of the Stageboard home, written whole or not at all. */
class WindowPrefsTest {

    @TempDir
    Path home;

    @Test
    void savedPreferencesReadBackAndNoTemporaryFileStays() throws Exception {
        WindowPrefs prefs = WindowPrefs.defaults().withBounds(40, 60, 1200, 700, false).withLastProject("shop").withTheme("dark");
        prefs.save(home);
        assertThat(WindowPrefs.load(home)).isEqualTo(prefs);
        WindowPrefs moved = prefs.withBounds(10, 20, 1000, 650, true);
        moved.save(home);
        assertThat(WindowPrefs.load(home)).isEqualTo(moved);
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(WindowPrefs.FILE);
        }
    }

    @Test
    void noFileGivesTheDefaultsWithoutAPosition() {
        WindowPrefs prefs = WindowPrefs.load(home);
        assertThat(prefs).isEqualTo(WindowPrefs.defaults());
        assertThat(prefs.hasPosition()).isFalse();
        assertThat(prefs.project()).isEmpty();
        assertThat(prefs.theme()).isEqualTo("light");
    }

    @Test
    void nonsenseValuesFallBackOneByOne() throws Exception {
        Files.writeString(home.resolve(WindowPrefs.FILE), "x=left\ny=12\nwidth=-5\nheight=900\ntheme=dark\nlastProject=api\n");
        WindowPrefs prefs = WindowPrefs.load(home);
        assertThat(prefs.hasPosition()).isFalse();
        assertThat(prefs.width()).isEqualTo(WindowPrefs.DEFAULT_WIDTH);
        assertThat(prefs.height()).isEqualTo(900);
        assertThat(prefs.theme()).isEqualTo("dark");
        assertThat(prefs.project()).contains("api");
    }
}
