package org.stageboard.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;

/** A cached build's card says where its artifact came from, not "0 s"; a queued build says it waits. */
class BuildCardCacheTest {

    private final BoardCards cards = new BoardCards(Clock.fixed(Snapshots.T0.plusSeconds(3600), ZoneOffset.UTC));

    @Test
    void aCachedBuildSaysCachedFromTheBuildThatRan() {
        Build cached = new Build(21, 1, 7, Snapshots.SHA_B, "tree", "recipe", BuildStatus.SUCCEEDED, Snapshots.T0, Snapshots.T0, null,
                "f00d", 1024L, Path.of("/tmp/build-7.log"), "reused build #3's artifact", "ada", 3, "catalog", null);
        Card card = cards.buildCard(cached);
        assertThat(card.text()).isEqualTo("#7 · b2c3d4e · ✓ cached from #3 · 1.0 KB");
        assertThat(card.state()).isEqualTo(CardState.SUCCESS);
    }

    @Test
    void aQueuedBuildSaysQueued() {
        Card card = cards.buildCard(Snapshots.build(22, 8, Snapshots.SHA_B, BuildStatus.QUEUED, null, null));
        assertThat(card.detail()).isEqualTo("◌ queued");
        assertThat(card.state()).isEqualTo(CardState.NEUTRAL);
    }
}
