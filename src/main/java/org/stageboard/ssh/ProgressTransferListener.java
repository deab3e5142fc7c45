package org.stageboard.ssh;

import net.schmizz.sshj.common.StreamCopier;
import net.schmizz.sshj.xfer.TransferListener;
import org.stageboard.core.Progress;

/** Adapts sshj's transfer listener to {@link Progress#fraction(double)}. */
final class ProgressTransferListener implements TransferListener {

    private final Progress progress;

    ProgressTransferListener(Progress progress) {
        this.progress = progress;
    }

    @Override
    public TransferListener directory(String name) {
        return this;
    }

    @Override
    public StreamCopier.Listener file(String name, long size) {
        return transferred -> progress.fraction(size > 0 ? (double) transferred / size : -1);
    }
}
