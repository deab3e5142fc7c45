package org.stageboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The window starts with the same JVM options however it is started: the app image, './mvnw javafx:run', the benchmark. */
class JvmOptionsTest {

    @Test
    void theMavenRunUsesTheOptionsOfPackaging() throws Exception {
        List<String> packaged = JvmOptions.read(Path.of("packaging/jvm.options"));
        assertThat(packaged).isNotEmpty().allMatch(option -> option.startsWith("-") && !option.contains(" "));

        String pom = Files.readString(Path.of("pom.xml"));
        String plugin = pom.substring(pom.indexOf("<artifactId>javafx-maven-plugin</artifactId>"));
        plugin = plugin.substring(0, plugin.indexOf("</plugin>"));
        List<String> maven = new ArrayList<>();
        Matcher option = Pattern.compile("<option>([^<]+)</option>").matcher(plugin);
        while (option.find()) {
            maven.add(option.group(1).strip());
        }
        assertThat(maven).isEqualTo(packaged);
        assertThat(Files.readString(Path.of("packaging/app-image.sh"))).contains("packaging/jvm.options").contains("$JAVA_OPTIONS");
    }
}
