package org.stageboard.ui.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a log file that is still being written, a piece at a time: each {@link #read()} returns
 * the whole lines written since the last one (at most {@link #CHUNK} bytes per call) and keeps a
 * line not ended yet for the next call, so that no line is shown cut. A file not there yet reads
 * as empty; a file that became shorter (rewritten) is read again from its start. Not thread-safe:
 * one reader, off the FX thread.
 */
public final class LogTail {

    /** The most bytes one read takes in; a long log is caught up over several reads. */
    static final int CHUNK = 4 * 1024 * 1024;

    private final Path file;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long offset;

    public LogTail(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** How far the file has been read, in bytes. */
    public long offset() {
        return offset;
    }

    /** The whole lines written since the last read, oldest first; empty when nothing new was written. */
    public List<String> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < offset) {
                offset = 0; // rewritten from the start
                partial.reset();
            }
            if (length == offset) {
                return List.of();
            }
            byte[] bytes = new byte[(int) Math.min(CHUNK, length - offset)];
            in.seek(offset);
            in.readFully(bytes);
            offset += bytes.length;
            return split(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the log " + file + ": " + e.getMessage(), e);
        }
    }

    /** True when more than one read's worth is still waiting (a long log being caught up). */
    public boolean behind() {
        try {
            return Files.isRegularFile(file) && Files.size(file) > offset;
        } catch (IOException e) {
            return false;
        }
    }

    /** The last line if it was never ended by a newline (the writer has finished), or nothing. */
    public List<String> rest() {
        if (partial.size() == 0) {
            return List.of();
        }
        String line = text(partial.toByteArray(), partial.size());
        partial.reset();
        return List.of(line);
    }

    private List<String> split(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, start, i - start);
                lines.add(text(partial.toByteArray(), partial.size()));
                partial.reset();
                start = i + 1;
            }
        }
        partial.write(bytes, start, bytes.length - start);
        return lines;
    }

    private static String text(byte[] bytes, int length) {
        int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
