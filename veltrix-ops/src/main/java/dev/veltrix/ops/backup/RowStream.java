package dev.veltrix.ops.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A table's rows read from the archive on a thread of its own, in batches: inflating, hashing and parsing overlap the
 * database's inserts, which on a two-core server halves a restore. At most {@link #BATCHES_QUEUED_MAX} batches of
 * {@link #BATCH_ROWS} rows wait, so memory stays small; a damaged table stops the reading with its problem, which the
 * caller gets at its next {@link #next()}.
 */
final class RowStream implements AutoCloseable {
    static final int BATCH_ROWS = 1_000;
    private static final int BATCHES_QUEUED_MAX = 8;
    private static final Object[][] END = new Object[0][];

    private final BlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(BATCHES_QUEUED_MAX);
    private final Thread thread;
    private final int columns;
    private volatile Exception failure;
    private volatile boolean closed;

    RowStream(InputStream in, int columns) {
        this.columns = columns;
        this.thread = Thread.ofPlatform().name("veltrix-restore-read").daemon().start(() -> read(in));
    }

    /** The next batch of rows, each an array of the values (Long, BigDecimal, String, byte[] or null); null at the end. */
    Object[][] next() throws IOException {
        try {
            Object[][] batch;
            do {
                rethrow();
                batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch == null && !thread.isAlive() && queue.isEmpty()) {
                    rethrow();
                    throw new IOException("reading the archive stopped before the end of the table");
                }
            } while (batch == null);
            return batch == END ? null : batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the archive was being read", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void rethrow() throws IOException {
        switch (failure) {
            case null -> {
            }
            case JsonProcessingException e -> throw e;
            case IOException e -> throw e;
            default -> throw new IOException(failure.getMessage(), failure);
        }
    }

    private void read(InputStream source) {
        try (InputStream in = source; JsonParser parser = Backup.JSON.getFactory().createParser(in)) {
            Object[][] batch = new Object[BATCH_ROWS][];
            int used = 0;
            for (JsonToken row = parser.nextToken(); row != null && !closed; row = parser.nextToken()) {
                if (row != JsonToken.START_ARRAY) {
                    throw new com.fasterxml.jackson.core.JsonParseException(parser, "a row is not a list of values");
                }
                Object[] values = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    values[i] = Values.read(parser);
                }
                if (parser.nextToken() != JsonToken.END_ARRAY) {
                    throw new com.fasterxml.jackson.core.JsonParseException(parser, "a row has more values than the table has columns");
                }
                batch[used++] = values;
                if (used == BATCH_ROWS) {
                    queue.put(batch);
                    batch = new Object[BATCH_ROWS][];
                    used = 0;
                }
            }
            if (used > 0) {
                queue.put(java.util.Arrays.copyOf(batch, used));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the caller: nobody waits for the rest
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }
}
