package dev.veltrix.network.chat;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.LimitedException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.outbox.Outbox;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Cross-server chat. A message passes the sender's mute, the rate limit and the word filter, then is
 * stored and written to the outbox in one transaction as a {@code chat.posted} event, which the stream
 * pushes to every game server; each server shows it to the players of its channel.
 */
public final class ChatService {
    public static final int TEXT_MAX = 256;
    private static final Pattern CHANNEL = Pattern.compile(
            "global|staff|group:[a-z0-9_-]{1,32}|party:[a-z0-9_-]{1,40}|dm:[0-9a-f-]{36}");
    private static final Table<Record> CHAT = table(name("network_chat"));
    private static final Field<String> C_ID = field(name("id"), String.class);
    private static final Field<String> C_CHANNEL = field(name("channel"), String.class);
    private static final Field<String> C_SENDER = field(name("sender"), String.class);
    private static final Field<String> C_BODY = field(name("body"), String.class);
    private static final Field<Long> C_AT = field(name("at"), Long.class);
    private static final Table<Record> MUTES = table(name("network_mutes"));
    private static final Field<String> M_PLAYER = field(name("player"), String.class);
    private static final Field<Long> M_UNTIL = field(name("until"), Long.class);
    private static final Field<String> M_REASON = field(name("reason"), String.class);
    private static final Table<Record> SPIES = table(name("network_chat_spies"));
    private static final Field<String> SPY_PLAYER = field(name("player"), String.class);
    private static final Field<Long> SPY_SINCE = field(name("since"), Long.class);

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Database database;
    private final Clock clock;
    private final ChatSettings settings;
    private final List<Pattern> filters = new ArrayList<>();
    private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(5))
            .maximumSize(1_000_000).build();

    public ChatService(Database database, Clock clock, ChatSettings settings) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        for (String word : settings.filteredWords()) {
            filters.add(Pattern.compile("(?i)\\b" + Pattern.quote(word) + "\\b"));
        }
    }

    /** Posts a message to a channel; it reaches every game server through the stream. */
    public ChatMessage post(String channel, UUID sender, String text) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw InvalidInputException.of("channel", "global, staff, group:<name>, party:<id> or dm:<player uuid>; got " + channel);
        }
        if (text == null || text.isBlank() || text.length() > TEXT_MAX) {
            throw InvalidInputException.of("text", "1.." + TEXT_MAX + " characters");
        }
        Instant now = clock.instant();
        Record mute = database.dsl().selectFrom(MUTES).where(M_PLAYER.eq(sender.toString())).fetchOne();
        if (mute != null && mute.get(M_UNTIL) > now.toEpochMilli()) {
            throw new RejectedException("muted", "player " + sender + " is muted until "
                    + Instant.ofEpochMilli(mute.get(M_UNTIL)) + ": " + mute.get(M_REASON));
        }
        takeToken(sender, now);
        ChatMessage message = new ChatMessage(UuidV7.next(), channel, sender, filter(text), now);
        database.inTransaction(tx -> {
            tx.insertInto(CHAT, C_ID, C_CHANNEL, C_SENDER, C_BODY, C_AT).values(message.id().toString(), channel,
                    sender.toString(), message.text(), now.toEpochMilli()).execute();
            // Private channels carry the staff who spy on them, so each game server can show them the message too.
            List<String> spies = isPrivate(channel) ? tx.select(SPY_PLAYER).from(SPIES).fetch(SPY_PLAYER) : List.of();
            Outbox.append(tx, List.of(new EventEnvelope(UuidV7.next(), "chat.posted", channel, now, "network",
                    json(body(message, spies)))));
            return null;
        });
        return message;
    }

    private static boolean isPrivate(String channel) {
        return channel.startsWith("party:") || channel.startsWith("dm:");
    }

    /** A message still in a channel's history. */
    public java.util.Optional<ChatMessage> message(UUID id) {
        return database.dsl().selectFrom(CHAT).where(C_ID.eq(id.toString())).fetchOptional(ChatService::read);
    }

    /** Turns chat spy on or off for a staff member: they then see every party and direct message. */
    public void spy(UUID staff, boolean on) {
        database.inTransaction(tx -> {
            tx.deleteFrom(SPIES).where(SPY_PLAYER.eq(staff.toString())).execute();
            if (on) {
                tx.insertInto(SPIES, SPY_PLAYER, SPY_SINCE).values(staff.toString(), clock.millis()).execute();
            }
            return null;
        });
    }

    /** Staff members with chat spy on. */
    public List<UUID> spies() {
        return database.dsl().select(SPY_PLAYER).from(SPIES).orderBy(SPY_SINCE).fetch(r -> UUID.fromString(r.value1()));
    }

    private void takeToken(UUID sender, Instant now) {
        int rate = settings.messagesPer10Seconds();
        Bucket bucket = buckets.get(sender, s -> Bucket.builder()
                .addLimit(limit -> limit.capacity(rate).refillGreedy(rate, Duration.ofSeconds(10))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Instant next = now.plusNanos(probe.getNanosToWaitForRefill());
            throw new LimitedException("chat-rate-limit", "player " + sender + " may send " + rate
                    + " messages per 10 seconds (chat.messages-per-10s); the next one at " + next, next, now);
        }
    }

    private String filter(String text) {
        String out = text;
        for (Pattern word : filters) {
            out = word.matcher(out).replaceAll(m -> "*".repeat(m.group().length()));
        }
        return out;
    }

    /** The newest messages of a channel, oldest first (at most the configured history). */
    public List<ChatMessage> history(String channel, int limit) {
        if (limit < 1 || limit > settings.history()) {
            throw InvalidInputException.of("limit", "1.." + settings.history() + ", got " + limit);
        }
        List<ChatMessage> newest = new ArrayList<>(database.dsl().selectFrom(CHAT).where(C_CHANNEL.eq(channel))
                .orderBy(C_ID.desc()).limit(limit).fetch(ChatService::read));
        Collections.reverse(newest);
        return newest;
    }

    /** Mutes a player for some minutes (0 lifts the mute). */
    public void mute(UUID player, int minutes, String reason) {
        if (minutes < 0 || minutes > 525_600) {
            throw InvalidInputException.of("minutes", "0 (lift the mute)..525600, got " + minutes);
        }
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw InvalidInputException.of("reason", "why, in 1..200 characters (the player is told)");
        }
        database.inTransaction(tx -> {
            tx.deleteFrom(MUTES).where(M_PLAYER.eq(player.toString())).execute();
            if (minutes > 0) {
                tx.insertInto(MUTES, M_PLAYER, M_UNTIL, M_REASON).values(player.toString(),
                        clock.instant().plus(Duration.ofMinutes(minutes)).toEpochMilli(), reason).execute();
            }
            return null;
        });
    }

    private static ChatMessage read(Record r) {
        return new ChatMessage(UUID.fromString(r.get(C_ID)), r.get(C_CHANNEL), UUID.fromString(r.get(C_SENDER)),
                r.get(C_BODY), Instant.ofEpochMilli(r.get(C_AT)));
    }

    private static java.util.Map<String, Object> body(ChatMessage m, List<String> spies) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("id", m.id().toString());
        body.put("channel", m.channel());
        body.put("sender", m.sender().toString());
        body.put("text", m.text());
        body.put("at", m.at().toString());
        if (!spies.isEmpty()) {
            body.put("spies", spies);
        }
        return body;
    }

    static String json(java.util.Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a chat message failed to serialise", e);
        }
    }
}
