package org.stageboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Prompt texts of the views' fields are one line: JavaFX removes the line breaks of a prompt text
 * (TextInputControl), so a prompt written over several lines shows its lines glued together
 * ("as webor one per line, e.g.web: ./serveworker: ./work").
 */
class PromptTextsTest {

    private static final Pattern PROMPT = Pattern.compile("promptText=\"([^\"]*)\"");

    @Test
    void noPromptTextOfAViewHasALineBreak() throws IOException {
        Path views = Path.of("src/main/resources/org/stageboard/ui");
        List<String> broken = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(views)) {
            files = walk.filter(p -> p.toString().endsWith(".fxml")).toList();
        }
        for (Path file : files) {
            Matcher prompt = PROMPT.matcher(Files.readString(file));
            while (prompt.find()) {
                String text = prompt.group(1);
                if (text.contains("&#10;") || text.contains("&#xA;") || text.contains("&#xa;") || text.contains("&#13;") || text.contains("\n")) {
                    broken.add(views.relativize(file) + ": " + text);
                }
            }
        }
        assertThat(files).isNotEmpty();
        assertThat(broken).as("prompt texts with a line break (JavaFX shows them glued into one line)").isEmpty();
    }
}
