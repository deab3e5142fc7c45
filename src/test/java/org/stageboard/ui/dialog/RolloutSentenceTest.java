package org.stageboard.ui.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Rollout;
import org.stageboard.core.Rollout.Mode;
import org.stageboard.core.Rollout.OnFailure;

/**
 * The rollout's sentence in the Run settings dialog says what pipeline.Rollouts does with the
 * values and the host count: parallel up to N at once, rolling in batches with the pause only
 * between batches (none with one batch), one host, no host yet, and the failure policy; and which
 * fields each mode uses.
 */
class RolloutSentenceTest {

    @Test
    void saysHowTheHostsAreGoneOver() {
        assertThat(RolloutSentence.of(new Rollout(Mode.PARALLEL, 1, 1, 0, OnFailure.ROLL_BACK), OptionalInt.of(3)))
                .isEqualTo("Parallel: 3 hosts, one at a time; stops at the first failure and rolls back the hosts it switched.");
        assertThat(RolloutSentence.of(new Rollout(Mode.PARALLEL, 5, 1, 0, OnFailure.STAY), OptionalInt.of(1)))
                .isEqualTo("Parallel: its one host; stops at the first failure; the hosts it switched stay on the new release.");
        assertThat(RolloutSentence.of(new Rollout(Mode.ROLLING, 5, 1, 10, OnFailure.ROLL_BACK), OptionalInt.of(3)))
                .startsWith("Rolling: 3 hosts in 3 batches of one host each, 10 s pause between batches; ");
        assertThat(RolloutSentence.of(new Rollout(Mode.ROLLING, 5, 2, 10, OnFailure.ROLL_BACK), OptionalInt.of(4)))
                .startsWith("Rolling: 4 hosts in 2 batches of 2, 10 s pause between batches; ");
        assertThat(RolloutSentence.of(new Rollout(Mode.ROLLING, 5, 2, 10, OnFailure.ROLL_BACK), OptionalInt.of(1)))
                .startsWith("Rolling: its one host, so no pause; ");
        assertThat(RolloutSentence.of(new Rollout(Mode.ROLLING, 5, 1, 0, OnFailure.ROLL_BACK), OptionalInt.empty()))
                .startsWith("Rolling: one host at a time, no pause between batches; ");
        assertThat(RolloutSentence.of(new Rollout(Mode.ROLLING, 5, 3, 60, OnFailure.ROLL_BACK), OptionalInt.of(0)))
                .startsWith("Rolling: 3 hosts at a time, 60 s pause between batches, once hosts are attached (none yet); ");
    }

    @Test
    void eachNumberFieldIsUsedByOneMode() {
        assertThat(RolloutField.PARALLELISM.usedBy(Mode.PARALLEL)).isTrue();
        assertThat(RolloutField.PARALLELISM.usedBy(Mode.ROLLING)).isFalse();
        assertThat(RolloutField.BATCH_SIZE.usedBy(Mode.ROLLING)).isTrue();
        assertThat(RolloutField.BATCH_SIZE.usedBy(Mode.PARALLEL)).isFalse();
        assertThat(RolloutField.PAUSE.usedBy(Mode.ROLLING)).isTrue();
        assertThat(RolloutField.PAUSE.usedBy(null)).as("no mode is the engine's default, parallel").isFalse();
        assertThat(RolloutField.PAUSE.accepts(0)).isTrue();
        assertThat(RolloutField.BATCH_SIZE.accepts(0)).isFalse();
    }
}
