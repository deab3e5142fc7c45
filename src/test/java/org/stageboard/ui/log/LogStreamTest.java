package org.stageboard.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.ui.task.SameThreadTaskExecutor;

/**
 * Following a log file while it is written, without JavaFX: each poll reads only what is new,
 * a line not ended yet waits for its end, and once the work has ended the last lines are read and
 * the view says finished and stops reading.
 */
class LogStreamTest {

    @TempDir
    Path tmp;

    @Test
    void aTailReadsOnlyWhatIsNewAndKeepsAHalfWrittenLineForLater() throws IOException {
        Path file = tmp.resolve("build.log");
        LogTail tail = new LogTail(file);
        assertThat(tail.read()).as("no file yet").isEmpty();

        append(file, "one\ntwo\nthr");
        assertThat(tail.read()).containsExactly("one", "two");
        assertThat(tail.read()).as("nothing new").isEmpty();
        append(file, "ee\r\nfour – ünïcode\n");
        assertThat(tail.read()).containsExactly("three", "four – ünïcode");
        append(file, "no newline at the end");
        assertThat(tail.read()).isEmpty();
        assertThat(tail.rest()).containsExactly("no newline at the end");
        assertThat(tail.rest()).isEmpty();

        Files.writeString(file, "rewritten\n");
        assertThat(tail.read()).as("a shorter file is read again from its start").containsExactly("rewritten");
    }

    @Test
    void aStreamAppendsNewLinesUntilTheWorkEndedThenSaysHowAndStops() throws IOException {
        Path file = tmp.resolve("build.log");
        append(file, "build #1 of shop\n");
        AtomicReference<Optional<String>> outcome = new AtomicReference<>(Optional.empty());
        LogViewModel model = new LogViewModel();
        LogStream stream = new LogStream(new LogTail(file), outcome::get, new SameThreadTaskExecutor(), model);
        assertThat(model.feedProperty().get()).isEqualTo(LogViewModel.Feed.LIVE);

        stream.poll();
        assertThat(model.lines()).containsExactly("build #1 of shop");
        assertThat(model.statusProperty().get()).contains("live");

        append(file, "-- build\ncompiling 12 files\n");
        stream.poll();
        assertThat(model.lines()).containsExactly("build #1 of shop", "-- build", "compiling 12 files");
        assertThat(model.scrollToProperty().get()).as("following the end").isEqualTo(2);

        append(file, "packed out.txt\nlast line without a newline");
        outcome.set(Optional.of("build succeeded"));
        stream.poll();
        assertThat(model.lines()).endsWith("packed out.txt", "last line without a newline");
        assertThat(model.feedProperty().get()).isEqualTo(LogViewModel.Feed.ENDED);
        assertThat(model.statusProperty().get()).contains("finished: build succeeded");
        assertThat(stream.stopped()).isTrue();

        append(file, "\nwritten after the end\n");
        stream.poll();
        assertThat(model.lines()).as("a stopped stream reads no more").doesNotContain("written after the end");
    }

    @Test
    void aStreamStoppedByItsViewAddsNothingMore() throws IOException {
        Path file = tmp.resolve("run.log");
        LogViewModel model = new LogViewModel();
        LogStream stream = new LogStream(new LogTail(file), Optional::empty, new SameThreadTaskExecutor(), model);
        append(file, "10:00:01 == connect\n");
        stream.poll();
        stream.stop();
        append(file, "10:00:02 == upload\n");
        stream.poll();
        assertThat(model.lines()).containsExactly("10:00:01 == connect");
        assertThat(model.feedProperty().get()).as("it did not end: the view was closed").isEqualTo(LogViewModel.Feed.LIVE);
    }

    @Test
    void secretsAreMaskedInStreamedLines() throws IOException {
        Path file = tmp.resolve("run.log");
        LogViewModel model = new LogViewModel(1000, List.of("hunter2"));
        LogStream stream = new LogStream(new LogTail(file), Optional::empty, new SameThreadTaskExecutor(), model);
        append(file, "password=hunter2\n");
        stream.poll();
        assertThat(model.allText()).doesNotContain("hunter2");
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
