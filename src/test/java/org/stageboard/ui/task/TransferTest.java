package org.stageboard.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An upload in words: bytes of the total and the rate, from the times it is given. */
class TransferTest {

    @Test
    void bytesOfTheTotalThenTheRateOnceTimeHasPassed() {
        Transfer transfer = new Transfer();
        assertThat(transfer.report(0, 40L * 1024 * 1024, 1_000_000_000L)).isEqualTo("0 B of 40.0 MB");
        assertThat(transfer.report(10L * 1024 * 1024, 40L * 1024 * 1024, 3_000_000_000L)).isEqualTo("10.0 MB of 40.0 MB · 5.0 MB/s");
        assertThat(Transfer.text(512, 2048, 50_000_000L)).as("too soon for a rate").isEqualTo("512 B of 2.0 KB");
        assertThat(Transfer.size(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GB");
    }
}
