package dev.veltrix.network.chat;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Players report chat messages; staff see open reports and resolve them. A report keeps a copy of the
 * message, so what staff judge is what was said, and goes out as a {@code chat.reported} event so staff
 * online on any server hear of it at once. A player reports a message once.
 */
public final class ChatReports {
    public static final int REASON_MAX = 200;
    private static final Table<Record> REPORTS = table(name("network_chat_reports"));
    private static final Field<String> R_ID = field(name("id"), String.class);
    private static final Field<String> R_MESSAGE = field(name("message_id"), String.class);
    private static final Field<String> R_REPORTER = field(name("reporter"), String.class);
    private static final Field<String> R_REPORTED = field(name("reported"), String.class);
    private static final Field<String> R_CHANNEL = field(name("channel"), String.class);
    private static final Field<String> R_BODY = field(name("body"), String.class);
    private static final Field<String> R_REASON = field(name("reason"), String.class);
    private static final Field<Long> R_CREATED = field(name("created_at"), Long.class);
    private static final Field<String> R_BY = field(name("resolved_by"), String.class);
    private static final Field<String> R_RESOLUTION = field(name("resolution"), String.class);
    private static final Field<Long> R_RESOLVED = field(name("resolved_at"), Long.class);

    private final Database database;
    private final ChatService chat;
    private final Clock clock;

    public ChatReports(Database database, ChatService chat, Clock clock) {
        this.database = database;
        this.chat = chat;
        this.clock = clock;
    }

    /** Files a report; reporting the same message again returns the first report. */
    public ChatReport report(UUID reporter, UUID messageId, String reason) {
        text("reason", reason, "why the message breaks the rules, in 1.." + REASON_MAX + " characters");
        ChatMessage message = chat.message(messageId)
                .orElseThrow(() -> new NotFoundException("no chat message " + messageId + " (history keeps the newest messages of each channel)"));
        if (message.sender().equals(reporter)) {
            throw new RejectedException("own-message", "player " + reporter + " cannot report their own message");
        }
        try {
            return file(reporter, messageId, reason, message);
        } catch (RuntimeException e) {
            if (!database.kind().isDuplicateKey(e)) {
                throw e;
            }
            return file(reporter, messageId, reason, message); // filed at the same moment: the first one stands
        }
    }

    private ChatReport file(UUID reporter, UUID messageId, String reason, ChatMessage message) {
        Instant now = clock.instant();
        ChatReport report = new ChatReport(UuidV7.next(), messageId, reporter, message.sender(), message.channel(),
                message.text(), reason, now, null, null, null);
        return database.inTransaction(tx -> {
            Record existing = tx.selectFrom(REPORTS).where(R_MESSAGE.eq(messageId.toString()), R_REPORTER.eq(reporter.toString())).fetchOne();
            if (existing != null) {
                return read(existing);
            }
            tx.insertInto(REPORTS, R_ID, R_MESSAGE, R_REPORTER, R_REPORTED, R_CHANNEL, R_BODY, R_REASON, R_CREATED)
                    .values(report.id().toString(), messageId.toString(), reporter.toString(), message.sender().toString(),
                            message.channel(), message.text(), reason, now.toEpochMilli()).execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", report.id().toString());
            payload.put("messageId", messageId.toString());
            payload.put("reporter", reporter.toString());
            payload.put("reported", message.sender().toString());
            payload.put("channel", message.channel());
            payload.put("text", message.text());
            payload.put("reason", reason);
            Outbox.append(tx, List.of(new EventEnvelope(UuidV7.next(), "chat.reported", message.sender().toString(), now,
                    "network", ChatService.json(payload))));
            return report;
        });
    }

    /** Open reports, oldest first, so the longest-waiting is handled first. */
    public List<ChatReport> open(int limit) {
        if (limit < 1 || limit > 1_000) {
            throw InvalidInputException.of("limit", "1..1000, got " + limit);
        }
        return database.dsl().selectFrom(REPORTS).where(R_RESOLVED.isNull()).orderBy(R_CREATED, R_ID).limit(limit)
                .fetch(ChatReports::read);
    }

    /** Closes a report with what was done; a report is resolved once. */
    public ChatReport resolve(UUID id, String by, String resolution) {
        text("by", by, "the staff member resolving it, 1..64 characters");
        if (by.length() > 64) {
            throw InvalidInputException.of("by", "at most 64 characters");
        }
        text("resolution", resolution, "what was done (e.g. \"muted 60 minutes\", \"no action\"), 1.." + REASON_MAX + " characters");
        long now = clock.millis();
        return database.inTransaction(tx -> {
            Record row = tx.selectFrom(REPORTS).where(R_ID.eq(id.toString())).fetchOne();
            if (row == null) {
                throw new NotFoundException("no chat report " + id);
            }
            if (row.get(R_RESOLVED) != null) {
                throw new ConflictException("resolved", "report " + id + " was resolved by " + row.get(R_BY) + ": " + row.get(R_RESOLUTION));
            }
            tx.update(REPORTS).set(R_BY, by).set(R_RESOLUTION, resolution).set(R_RESOLVED, now)
                    .where(R_ID.eq(id.toString())).execute();
            return read(tx.selectFrom(REPORTS).where(R_ID.eq(id.toString())).fetchOne());
        });
    }

    private static void text(String field, String value, String expected) {
        if (value == null || value.isBlank() || value.length() > REASON_MAX) {
            throw InvalidInputException.of(field, expected);
        }
    }

    private static ChatReport read(Record r) {
        Long resolved = r.get(R_RESOLVED);
        return new ChatReport(UUID.fromString(r.get(R_ID)), UUID.fromString(r.get(R_MESSAGE)), UUID.fromString(r.get(R_REPORTER)),
                UUID.fromString(r.get(R_REPORTED)), r.get(R_CHANNEL), r.get(R_BODY), r.get(R_REASON),
                Instant.ofEpochMilli(r.get(R_CREATED)), r.get(R_BY), r.get(R_RESOLUTION),
                resolved == null ? null : Instant.ofEpochMilli(resolved));
    }
}
