package org.stageboard.ui.board;

import java.util.List;
import org.stageboard.core.Environment;

/** An environment and a slot for each host it runs on, in the Run lane. */
public record EnvironmentHosts(Environment environment, List<HostSlot> slots) {
}
