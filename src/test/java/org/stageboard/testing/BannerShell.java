package org.stageboard.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.shell.InvertedShell;
import org.apache.sshd.server.shell.InvertedShellWrapper;

/** Runs a command like {@link InvertedShellWrapper}, after writing a banner to its stdout and stderr. */
final class BannerShell extends InvertedShellWrapper {

    private final String banner;
    private final String stderrBanner;
    private OutputStream out;
    private OutputStream err;

    BannerShell(InvertedShell shell, String banner, String stderrBanner) {
        super(shell);
        this.banner = banner;
        this.stderrBanner = stderrBanner;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
        super.setOutputStream(out);
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
        super.setErrorStream(err);
    }

    @Override
    public synchronized void start(ChannelSession channel, Environment env) throws IOException {
        writeBanner(out, banner);
        writeBanner(err, stderrBanner);
        super.start(channel, env);
    }

    private static void writeBanner(OutputStream stream, String text) throws IOException {
        if (stream != null && text != null && !text.isEmpty()) {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
            stream.flush();
        }
    }
}
