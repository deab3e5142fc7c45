package org.stageboard.core;

/** A progress that passes everything on to another; subclasses change what they need. */
public class ForwardingProgress implements Progress {

    private final Progress target;

    public ForwardingProgress(Progress target) {
        this.target = target;
    }

    @Override
    public void step(String title) {
        target.step(title);
    }

    @Override
    public void log(String line) {
        target.log(line);
    }

    @Override
    public void fraction(double done) {
        target.fraction(done);
    }

    @Override
    public void transferred(long bytes, long total) {
        target.transferred(bytes, total);
    }

    @Override
    public boolean isCancelled() {
        return target.isCancelled();
    }
}
