package org.stageboard.pipeline;

import org.stageboard.core.Build;

/** The build a release is made from and why it was chosen, in a sentence (which build, which commit, head or not). */
public record BuildChoice(Build build, String reason) {
}
