package dev.veltrix.ops.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the archive's zip on a thread of its own, so compressing one chunk overlaps reading and encoding the next:
 * deflating is a third of a backup's work, and a server has more than one core. The caller's thread hands over chunks
 * through a bounded queue (at most {@link #CHUNKS_QUEUED_MAX} of {@link #CHUNK_BYTES}), so memory stays small however
 * large the tables are; a failure on the writing thread is rethrown to the caller at its next step.
 */
final class ArchiveWriter implements AutoCloseable {
    static final int CHUNK_BYTES = 1 << 16;
    private static final int CHUNKS_QUEUED_MAX = 64;

    private sealed interface Step {
    }

    private record Begin(String entry) implements Step {
    }

    private record Chunk(byte[] bytes, int length) implements Step {
    }

    private record End() implements Step {
    }

    private record Finish() implements Step {
    }

    private final BlockingQueue<Step> queue = new ArrayBlockingQueue<>(CHUNKS_QUEUED_MAX);
    private final ZipOutputStream zip;
    private final Thread thread;
    private volatile Exception failure;

    ArchiveWriter(OutputStream file) {
        this.zip = new ZipOutputStream(file);
        // The fastest level: an archive about a fifth larger than the default level's, written in a third of the time.
        zip.setLevel(Deflater.BEST_SPEED);
        this.thread = Thread.ofPlatform().name("veltrix-backup-zip").daemon().start(this::drain);
    }

    /** Starts the next entry; what {@link #entry()} writes goes into it until {@link #endEntry()}. */
    void beginEntry(String name) throws IOException {
        hand(new Begin(name));
    }

    void endEntry() throws IOException {
        hand(new End());
    }

    /** A stream into the current entry, buffered in chunks; closing it flushes the last chunk and leaves the entry open. */
    OutputStream entry() {
        return new OutputStream() {
            private byte[] buffer = new byte[CHUNK_BYTES];
            private int used;

            @Override
            public void write(int b) throws IOException {
                if (used == buffer.length) {
                    flush();
                }
                buffer[used++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    if (used == buffer.length) {
                        flush();
                    }
                    int n = Math.min(len, buffer.length - used);
                    System.arraycopy(b, off, buffer, used, n);
                    used += n;
                    off += n;
                    len -= n;
                }
            }

            @Override
            public void flush() throws IOException {
                if (used > 0) {
                    hand(new Chunk(buffer, used));
                    buffer = new byte[CHUNK_BYTES];
                    used = 0;
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Finishes the zip (its central directory) and waits until everything is written. */
    @Override
    public void close() throws IOException {
        hand(new Finish());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the backup was being written", e);
        }
        rethrow();
    }

    private void hand(Step step) throws IOException {
        rethrow();
        try {
            while (!queue.offer(step, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow(); // the writer died with the queue full: stop waiting for it
                if (!thread.isAlive()) {
                    throw new IOException("writing the archive stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the backup was being written", e);
        }
    }

    private void rethrow() throws IOException {
        if (failure != null) {
            throw new IOException("writing the archive failed: " + failure.getMessage(), failure);
        }
    }

    private void drain() {
        try (zip) {
            for (Step step = queue.take(); !(step instanceof Finish); step = queue.take()) {
                switch (step) {
                    case Begin b -> zip.putNextEntry(new ZipEntry(b.entry()));
                    case Chunk c -> zip.write(c.bytes(), 0, c.length());
                    case End e -> zip.closeEntry();
                    case Finish f -> throw new IllegalStateException("the loop ends on Finish");
                }
            }
        } catch (IOException | UncheckedIOException | InterruptedException e) {
            failure = e;
        }
    }
}
