package org.stageboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stageboard.testing.RecordingProgress;

class MaskerTest {

    @Test
    void masksEverySecretLongestFirst() {
        Masker masker = new Masker(List.of("abc", "abcdef-long"));
        assertThat(masker.mask("token=abcdef-long and abc")).isEqualTo("token=******** and ********");
        assertThat(masker.mask(null)).isNull();
    }

    @Test
    void aWrappedProgressNeverPassesASecretOn() {
        RecordingProgress target = new RecordingProgress();
        Progress wrapped = new Masker(List.of("s3cret-value")).wrap(target);
        wrapped.step("deploying with s3cret-value");
        wrapped.log("DB_PASSWORD=s3cret-value");
        target.cancelled = true;
        assertThat(wrapped.isCancelled()).isTrue();
        assertThat(target.all()).doesNotContain("s3cret-value").contains("DB_PASSWORD=********");
    }

    @Test
    void configEntriesShowSecretsMasked() {
        ConfigEntry secret = new ConfigEntry("API_TOKEN", "tok-123", true);
        assertThat(secret.toString()).isEqualTo("API_TOKEN=********");
        assertThat(new ConfigEntry("PORT", "8080", false).displayValue()).isEqualTo("8080");
    }
}
