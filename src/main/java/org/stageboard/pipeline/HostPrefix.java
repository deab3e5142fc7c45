package org.stageboard.pipeline;

import org.stageboard.core.ForwardingProgress;
import org.stageboard.core.Progress;

/** Passes one host's progress on with every step and line prefixed by the host's name, e.g. {@code [vps2] health check}. */
public class HostPrefix extends ForwardingProgress {

    private final String prefix;

    public HostPrefix(Progress target, String host) {
        super(target);
        this.prefix = "[" + host + "] ";
    }

    @Override
    public void step(String title) {
        super.step(prefix + title);
    }

    @Override
    public void log(String line) {
        super.log(prefix + line);
    }
}
