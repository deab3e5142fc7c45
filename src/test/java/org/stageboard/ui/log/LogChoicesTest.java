package org.stageboard.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.stageboard.ui.task.SameThreadTaskExecutor;

/**
 * A log viewer's chooser following a running build, without JavaFX: steps that appear later are
 * offered, their states renamed, the log the user chose stays chosen and is not read again; the
 * list read after the build ended is the last one.
 */
class LogChoicesTest {

    private static final Path WHOLE = Path.of("/logs/shop/2.log");
    private static final Path TEST = Path.of("/logs/shop/2-1-test.log");
    private static final Path PACK = Path.of("/logs/shop/2-2-package.log");

    private final List<LogSource> loaded = new ArrayList<>();
    private final LogChoices choices = new LogChoices(loaded::add);

    private static LogSource whole() {
        return new LogSource("whole build #2", WHOLE);
    }

    private static LogSource test(String state) {
        return new LogSource("1 · test (" + state + ")", TEST);
    }

    private static LogSource pack(String state) {
        return new LogSource("2 · package (" + state + ")", PACK);
    }

    @Test
    void stepsThatStartLaterAppearAndTheUsersChoiceStays() {
        choices.update(List.of());
        assertThat(choices.sources()).isEmpty();
        assertThat(choices.chosen()).isNull();
        assertThat(loaded).as("nothing to read yet").isEmpty();

        // queued: only the whole build's log, chosen and read
        choices.update(List.of(whole()));
        assertThat(choices.sources()).containsExactly(whole());
        assertThat(choices.chosen()).isEqualTo(whole());
        assertThat(loaded).containsExactly(whole());

        // the steps were planned: they appear after it, the whole build still shown, not read again
        choices.update(List.of(whole(), test("running"), pack("pending")));
        assertThat(choices.sources()).containsExactly(whole(), test("running"), pack("pending"));
        assertThat(choices.chosen()).isEqualTo(whole());
        assertThat(loaded).containsExactly(whole());

        // the user picks the running step: it is read
        choices.choose(choices.sources().get(1));
        assertThat(loaded).containsExactly(whole(), test("running"));

        // it ends and the next one runs: renamed in place, still chosen (under its new name), not read again
        choices.update(List.of(whole(), test("succeeded"), pack("running")));
        assertThat(choices.sources()).containsExactly(whole(), test("succeeded"), pack("running"));
        assertThat(choices.chosen()).isEqualTo(test("succeeded"));
        assertThat(loaded).containsExactly(whole(), test("running"));

        // choosing what is shown reads nothing; another log is read
        choices.choose(choices.sources().get(1));
        choices.choose(null);
        assertThat(loaded).hasSize(2);
        choices.choose(choices.sources().get(2));
        assertThat(loaded).containsExactly(whole(), test("running"), pack("running"));
        assertThat(choices.chosen()).isEqualTo(pack("running"));
    }

    @Test
    void theListChangesOnlyWhereItChangedAndKeepsTheLogShownEvenIfNoLongerListed() {
        choices.update(List.of(whole(), test("running")));
        AtomicInteger changes = new AtomicInteger();
        choices.sources().addListener((javafx.collections.ListChangeListener<LogSource>) c -> changes.incrementAndGet());
        choices.update(List.of(whole(), test("running")));
        assertThat(changes).as("the same list again changes nothing").hasValue(0);

        choices.choose(choices.sources().get(1));
        // a list that no longer names the log shown (and names one twice) keeps it, where it was
        choices.update(List.of(whole(), pack("pending"), pack("pending")));
        assertThat(choices.sources()).containsExactly(whole(), test("running"), pack("pending"));
        assertThat(choices.chosen()).isEqualTo(test("running"));
        // one that does not name a log no longer shown drops it
        choices.choose(choices.sources().get(0));
        choices.update(List.of(whole(), pack("running")));
        assertThat(choices.sources()).containsExactly(whole(), pack("running"));
        assertThat(loaded).containsExactly(whole(), test("running"), whole());
    }

    @Test
    void theFollowAddsStepsAsTheBuildGoesAndStopsAfterTheListReadOnceItEnded() {
        AtomicReference<List<LogSource>> listed = new AtomicReference<>(List.of(whole()));
        AtomicReference<Optional<String>> ended = new AtomicReference<>(Optional.empty());
        List<Throwable> failures = new ArrayList<>();
        LogChoicesFollow follow = new LogChoicesFollow(listed::get, ended::get, new SameThreadTaskExecutor(), choices, failures::add);

        follow.poll();
        assertThat(choices.sources()).containsExactly(whole());
        listed.set(List.of(whole(), test("running"), pack("pending")));
        follow.poll();
        assertThat(choices.sources()).containsExactly(whole(), test("running"), pack("pending"));
        assertThat(follow.stopped()).isFalse();

        // the build ended: the list read after that (final states) is shown, then the follow stops
        ended.set(Optional.of("build succeeded"));
        listed.set(List.of(whole(), test("succeeded"), pack("succeeded")));
        follow.poll();
        assertThat(choices.sources()).containsExactly(whole(), test("succeeded"), pack("succeeded"));
        assertThat(follow.stopped()).isTrue();
        listed.set(List.of(whole()));
        follow.poll();
        assertThat(choices.sources()).as("a stopped follow changes nothing").hasSize(3);
        assertThat(choices.chosen()).isEqualTo(whole());
        assertThat(loaded).containsExactly(whole());
        assertThat(failures).isEmpty();
    }

    @Test
    void aFailedListingIsReportedAndTriedAgainAndAStoppedFollowReportsNothing() {
        AtomicInteger calls = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        LogChoicesFollow follow = new LogChoicesFollow(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("catalog busy");
            }
            return List.of(whole());
        }, Optional::empty, new SameThreadTaskExecutor(), choices, failures::add);
        follow.poll();
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("catalog busy");
        follow.poll();
        assertThat(choices.sources()).containsExactly(whole());
        follow.stop();
        follow.poll();
        assertThat(calls).hasValue(2);
    }
}
