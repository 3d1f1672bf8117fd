package dev.veltrix.progression.quests;

import dev.veltrix.storage.Database;
import dev.veltrix.storage.lease.Leases;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.OutboxFollower;
import dev.veltrix.storage.outbox.OutboxTail;
import dev.veltrix.storage.outbox.StoredEvent;
import java.util.List;

/**
 * Advances players' quests from game events: on the one node holding its lease it follows the outbox and applies a
 * batch in one transaction with its cursor, so each event counts once; quests the batch completed are rewarded after.
 */
public final class QuestFeed implements AutoCloseable {
    public static final String CONSUMER = "quests-progress";
    private static final int BATCH_MAX = 500;

    private final Database database;
    private final QuestLog log;
    private final OutboxFollower follower;

    public QuestFeed(Database database, QuestLog log, Leases leases, String nodeId) {
        this.database = database;
        this.log = log;
        this.follower = new OutboxFollower(database, leases, CONSUMER, CONSUMER, nodeId, BATCH_MAX, 200,
                QuestFeed::takes, this::handle);
    }

    /** Whether the feed takes events of this type (those a quest objective counts); it passes over the rest. */
    public static boolean takes(String eventType) {
        return QuestLog.advancesQuests(eventType);
    }

    public QuestFeed start() {
        follower.start();
        return this;
    }

    public void wake() {
        follower.wake();
    }

    /** Takes the next batch after the tail's position; returns how many outbox events it read. */
    public int take(OutboxTail tail) {
        List<StoredEvent> batch = tail.next(database.dsl(), BATCH_MAX);
        if (!batch.isEmpty()) {
            handle(batch, tail.position());
        }
        return batch.size();
    }

    private void handle(List<StoredEvent> batch, long last) {
        List<String> completed = database.inTransaction(tx -> {
            List<String> done = log.apply(tx, batch);
            Outbox.saveCursor(tx, CONSUMER, last);
            return done;
        });
        completed.forEach(log::reward);
    }

    @Override
    public void close() {
        follower.close();
    }
}
