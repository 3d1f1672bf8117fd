package dev.veltrix.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.LimitedException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.network.chat.ChatMessage;
import dev.veltrix.network.chat.ChatService;
import dev.veltrix.network.chat.ChatSettings;
import dev.veltrix.network.sql.JooqNetworkStore;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Chat on SQLite, PostgreSQL and MariaDB: stored, streamed, filtered, rate limited, muted. */
class ChatTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void messagesAreKeptStreamedAndFiltered(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqNetworkStore.SCHEMA))) {
            ChatService chat = new ChatService(db.database(), clock, new ChatSettings(3, 50, List.of("creeper")));
            UUID steve = UUID.randomUUID();
            ChatMessage first = chat.post("global", steve, "hello \"everyone\"");
            ChatMessage second = chat.post("global", steve, "a Creeper ate my house, creepers everywhere");
            assertThat(second.text()).as("whole words only").isEqualTo("a ******* ate my house, creepers everywhere");
            assertThat(chat.history("global", 10)).extracting(ChatMessage::id).containsExactly(first.id(), second.id());
            var events = Outbox.readAfter(db.database().dsl(), 0, 10);
            assertThat(events).anySatisfy(e -> {
                assertThat(e.event().type()).isEqualTo("chat.posted");
                assertThat(e.event().payload()).contains("hello \\\"everyone\\\"");
            });

            chat.post("global", steve, "third");
            assertThatThrownBy(() -> chat.post("global", steve, "fourth")).isInstanceOfSatisfying(LimitedException.class,
                    e -> assertThat(e.getMessage()).contains("3 messages per 10 seconds"));

            UUID griefer = UUID.randomUUID();
            chat.mute(griefer, 30, "spam");
            assertThatThrownBy(() -> chat.post("global", griefer, "hi")).isInstanceOf(RejectedException.class)
                    .hasMessageContaining("muted until").hasMessageContaining("spam");
            clock.advance(Duration.ofMinutes(31));
            assertThat(chat.post("group:survival", griefer, "back").channel()).isEqualTo("group:survival");

            assertThatThrownBy(() -> chat.post("lobby chat", steve, "x")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("global, staff");
            assertThatThrownBy(() -> chat.post("global", steve, "x".repeat(300))).isInstanceOf(InvalidInputException.class);
        }
    }
}
