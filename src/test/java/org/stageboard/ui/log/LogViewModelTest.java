package org.stageboard.ui.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Masker;

/** The log view's behaviour without JavaFX running: search, follow, masking, the line cap, copying. */
class LogViewModelTest {

    @Test
    void searchCountsMatchesAndStepsThroughThemRoundTheEnds() {
        LogViewModel log = new LogViewModel();
        log.setAll(List.of("starting", "ERROR disk full", "retrying", "error again", "done"));
        log.followProperty().set(false);

        log.queryProperty().set("error");

        assertThat(log.matches()).containsExactly(1, 3);
        assertThat(log.currentMatchProperty().get()).isEqualTo(1);
        assertThat(log.matchTextProperty().get()).isEqualTo("1 of 2");
        log.findNext();
        assertThat(log.currentMatchProperty().get()).isEqualTo(3);
        assertThat(log.scrollToProperty().get()).isEqualTo(3);
        assertThat(log.matchTextProperty().get()).isEqualTo("2 of 2");
        log.findNext();
        assertThat(log.currentMatchProperty().get()).as("round to the first").isEqualTo(1);
        log.findPrevious();
        assertThat(log.currentMatchProperty().get()).as("round to the last").isEqualTo(3);

        log.queryProperty().set("nothing like it");
        assertThat(log.matchTextProperty().get()).isEqualTo("no match");
        assertThat(log.currentMatchProperty().get()).isEqualTo(-1);
        log.queryProperty().set("");
        assertThat(log.matchTextProperty().get()).isEmpty();
    }

    @Test
    void newLinesThatMatchJoinTheSearch() {
        LogViewModel log = new LogViewModel();
        log.queryProperty().set("warn");
        log.append("warn 1");
        log.append(List.of("ok", "WARN 2"));
        assertThat(log.matches()).containsExactly(0, 2);
        assertThat(log.matchTextProperty().get()).endsWith("of 2");
    }

    @Test
    void followingKeepsTheEndInViewUntilTheUserGoesToAMatch() {
        LogViewModel log = new LogViewModel();
        log.append(List.of("a", "b", "c"));
        assertThat(log.followProperty().get()).isTrue();
        assertThat(log.scrollToProperty().get()).isEqualTo(2);
        log.append("d");
        assertThat(log.scrollToProperty().get()).isEqualTo(3);
        assertThat(log.statusProperty().get()).isEqualTo("4 lines · following the end");

        log.queryProperty().set("b");
        log.findNext();
        assertThat(log.followProperty().get()).as("finding stops following").isFalse();
        assertThat(log.scrollToProperty().get()).isEqualTo(1);
        log.append("e");
        assertThat(log.scrollToProperty().get()).as("not following: the view stays").isEqualTo(1);

        log.followProperty().set(true);
        assertThat(log.scrollToProperty().get()).isEqualTo(4);
    }

    @Test
    void secretsAreMaskedEvenIfASourceForgot() {
        LogViewModel log = new LogViewModel(100, List.of("s3cr3t-token"));
        log.append("connecting with s3cr3t-token to db");
        log.setAll(List.of("again s3cr3t-token"));
        log.append(List.of("and s3cr3t-token twice s3cr3t-token"));
        assertThat(log.lines()).containsExactly("again " + Masker.MASK, "and " + Masker.MASK + " twice " + Masker.MASK);
        assertThat(log.allText()).doesNotContain("s3cr3t");
    }

    @Test
    void aLongLogKeepsItsLastLinesAndSaysHowManyWentWithMatchesRenumbered() {
        LogViewModel log = new LogViewModel(1_000, List.of());
        log.queryProperty().set("line 1500");
        List<String> lines = new ArrayList<>();
        IntStream.range(0, 1_200).forEach(i -> lines.add("line " + i));
        log.setAll(lines);
        assertThat(log.lines()).hasSize(1_000);
        assertThat(log.lines().get(0)).isEqualTo("line 200");
        assertThat(log.dropped()).isEqualTo(200);

        IntStream.range(1_200, 1_600).forEach(i -> log.append("line " + i));
        assertThat(log.lines()).hasSize(1_000);
        assertThat(log.lines().get(0)).isEqualTo("line 600");
        assertThat(log.lines().get(log.lines().size() - 1)).isEqualTo("line 1599");
        assertThat(log.dropped()).isEqualTo(600);
        assertThat(log.matches()).containsExactly(900);
        assertThat(log.lines().get(900)).isEqualTo("line 1500");
        assertThat(log.statusProperty().get()).startsWith("1,000 lines (the first 600 dropped: a view keeps the last 1,000)");
    }

    @Test
    void copiesTheSelectedLinesInLogOrderOrAll() {
        LogViewModel log = new LogViewModel();
        log.setAll(List.of("one", "two", "three"));
        assertThat(log.text(List.of(2, 0, 7))).isEqualTo("one\nthree\n");
        assertThat(log.allText()).isEqualTo("one\ntwo\nthree\n");
        assertThat(new LogViewModel().allText()).isEmpty();
    }

    @Test
    void aViewKeepsAtLeastOneLine() {
        assertThatThrownBy(() -> new LogViewModel(0, List.of())).hasMessageContaining("at least one line");
    }
}
