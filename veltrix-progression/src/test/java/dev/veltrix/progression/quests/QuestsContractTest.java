package dev.veltrix.progression.quests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.progression.TestLedgers;
import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.progression.hunts.Hunts;
import dev.veltrix.progression.rewards.GameDeliveries;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import dev.veltrix.storage.lease.Leases;
import dev.veltrix.storage.outbox.Outbox;
import dev.veltrix.storage.outbox.OutboxTail;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Quest content versions, boards, progress from game events and rewards, on every database. */
class QuestsContractTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private record Fixture(TestDatabases.IsolatedDatabase db, LedgerService ledger, QuestLibrary library, QuestLog log, QuestFeed feed,
                           MutableClock clock, List<String> queued) implements AutoCloseable {
        static Fixture open(SqlKind kind) {
            var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA, Hunts.SCHEMA));
            MutableClock clock = new MutableClock(NOW);
            LedgerService ledger = TestLedgers.open(db.database(), clock, "coins");
            List<String> queued = new CopyOnWriteArrayList<>();
            // The delivery queue is the store's (tested with it in the server); here it notes what was queued.
            GameDeliveries deliveries = new GameDeliveries() {
                @Override
                public void queue(DSLContext tx, String reference, UUID player, InGame what) {
                    queued.add(reference.substring(reference.lastIndexOf(':') + 1) + " " + what.kind() + " " + what.text());
                }

                @Override
                public void sendPending(UUID player) {
                }
            };
            QuestLibrary library = new QuestLibrary(db.database(), clock, code -> ledger.currencies().stream().anyMatch(c -> c.code().equals(code)));
            QuestLog log = new QuestLog(db.database(), clock, library, ledger, deliveries);
            return new Fixture(db, ledger, library, log, new QuestFeed(db.database(), log, new Leases(db.database(), clock), "test"), clock, queued);
        }

        void drain() {
            OutboxTail tail = OutboxTail.after(Outbox.cursor(db.database().dsl(), QuestFeed.CONSUMER));
            while (feed.take(tail) > 0) {
                // next batch
            }
        }

        void send(UUID player, String type, String data) {
            db.database().inTransaction(tx -> {
                Outbox.append(tx, List.of(new EventEnvelope(UUID.randomUUID(), "game." + type, player.toString(), clock.instant(), "game",
                        "{\"server\":\"s1\",\"player\":\"" + player + "\",\"data\":" + data + "}")));
                return null;
            });
        }

        @Override
        public void close() {
            ledger.close();
            db.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void contentIsSavedWhenSoundAndPublishedAtomicallyKeepingEarlierVersions(SqlKind kind) throws IOException {
        try (Fixture f = Fixture.open(kind)) {
            QuestContent valley = ContentValidatorTest.valley();
            assertThatThrownBy(() -> f.log().board(UUID.randomUUID(), 1, "meadow", QuestGenerator.Board.DAILY)).isInstanceOf(RejectedException.class)
                    .hasMessageContaining("no quest content is published");
            assertThatThrownBy(() -> f.library().publish("ops")).isInstanceOf(ConflictException.class).hasMessageContaining("no draft");
            ContentVersion first = f.library().saveDraft(valley, "ops");
            assertThat(first.state()).isEqualTo(ContentVersion.DRAFT);
            assertThat(first.nodes()).isEqualTo(valley.nodes().size());

            List<ContentNode> broken = new ArrayList<>(valley.nodes());
            broken.add(new ContentNode.Objective("orphan", ObjectiveKind.KILL, "dragon", 1, null));
            assertThatThrownBy(() -> f.library().saveDraft(new QuestContent(broken, valley.edges(), valley.budgets(), valley.levelCap(),
                    valley.boards()), "ops")).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors()).extracting(err -> err.field()).containsExactlyInAnyOrder("nodes[22].target", "nodes[22]"));
            assertThat(f.library().draftVersion()).as("a refused save changes nothing").contains(first.version());

            assertThat(f.library().publish("ops").state()).isEqualTo(ContentVersion.PUBLISHED);
            assertThat(f.library().content(first.version())).isEqualTo(valley);
            List<ContentNode> easier = new ArrayList<>(valley.nodes());
            easier.replaceAll(n -> n.id().equals("mine-ore") ? new ContentNode.Objective("mine-ore", ObjectiveKind.MINE, "iron-ore", 5, null) : n);
            ContentVersion second = f.library().saveDraft(new QuestContent(easier, valley.edges(), valley.budgets(), valley.levelCap(),
                    valley.boards()), "ops");
            f.library().publish("ops");
            assertThat(f.library().versions()).extracting(ContentVersion::version, ContentVersion::state).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(second.version(), ContentVersion.PUBLISHED),
                    org.assertj.core.groups.Tuple.tuple(first.version(), ContentVersion.RETIRED));
            // A fresh library (another node) reads the versions from the database alike.
            QuestLibrary other = new QuestLibrary(f.db().database(), f.clock(), code -> true);
            assertThat(other.content(first.version())).isEqualTo(valley);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void gameEventsCompleteQuestsOnceAndTheirRewardsAreGivenOnce(SqlKind kind) throws IOException {
        try (Fixture f = Fixture.open(kind)) {
            f.library().saveDraft(ContentValidatorTest.valley(), "ops");
            int v1 = f.library().publish("ops").version();
            UUID ana = UUID.randomUUID();
            List<Assignment> board = f.log().board(ana, 1, "meadow", QuestGenerator.Board.DAILY);
            assertThat(board).extracting(a -> a.quest().quest()).containsExactlyInAnyOrder("intro", "ore-run");
            assertThat(f.log().board(ana, 1, "meadow", QuestGenerator.Board.DAILY)).as("made once").isEqualTo(board);

            // A new version halves the ore run; Ana keeps the quest she was given.
            List<ContentNode> easier = new ArrayList<>(ContentValidatorTest.valley().nodes());
            easier.replaceAll(n -> n.id().equals("mine-ore") ? new ContentNode.Objective("mine-ore", ObjectiveKind.MINE, "iron-ore", 10, null) : n);
            QuestContent valley = ContentValidatorTest.valley();
            f.library().saveDraft(new QuestContent(easier, valley.edges(), valley.budgets(), valley.levelCap(), valley.boards()), "ops");
            f.library().publish("ops");

            f.clock().advance(Duration.ofMinutes(5));
            f.send(ana, "npc.talked", "{\"npc\":\"hunter\"}");
            f.send(ana, "block.mined", "{\"block\":\"iron-ore\",\"count\":15}");
            f.send(ana, "block.mined", "{\"block\":\"gold-ore\",\"count\":5}");
            f.drain();
            Assignment ore = f.log().log(ana, 10).stream().filter(a -> a.quest().quest().equals("ore-run")).findFirst().orElseThrow();
            assertThat(ore.quest().version()).isEqualTo(v1);
            assertThat(ore.progress()).containsExactly(15);
            assertThat(ore.quest().goals().getFirst().count()).isEqualTo(20);
            assertThat(f.ledger().balance(AccountId.player(ana), "coins")).as("intro's 50").isEqualTo(50);

            // The feed's cursor lost (a restore): the same events again count nothing twice.
            f.db().database().inTransaction(tx -> tx.execute("DELETE FROM outbox_cursors WHERE consumer = ?", QuestFeed.CONSUMER));
            f.drain();
            assertThat(f.log().assignment(ore.id()).progress()).containsExactly(15);
            f.send(ana, "block.mined", "{\"block\":\"iron-ore\",\"count\":9}");
            f.drain();
            assertThat(f.log().assignment(ore.id()).state()).isEqualTo(Assignment.COMPLETED);
            assertThat(f.log().assignment(ore.id()).progress()).containsExactly(20);
            assertThat(f.ledger().balance(AccountId.player(ana), "coins")).isEqualTo(50 + 60);
            f.log().reward(ore.id());
            assertThat(f.log().sweep(10)).as("nothing left to reward").isZero();
            assertThat(f.ledger().balance(AccountId.player(ana), "coins")).isEqualTo(110);
            // Completed intro opens nothing new until her level reaches the forest's; the day after, her board is new.
            f.clock().advance(Duration.ofDays(1));
            assertThat(f.log().board(ana, 6, "forest", QuestGenerator.Board.DAILY)).extracting(a -> a.quest().quest()).containsExactly("wolf-hunt");
            assertThat(f.log().log(ana, 10)).extracting(Assignment::state).contains(Assignment.COMPLETED, Assignment.ACTIVE);
            assertThat(f.ledger().verify()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void itemAndCommandRewardsGoThroughTheDeliveryQueue(SqlKind kind) throws IOException {
        try (Fixture f = Fixture.open(kind)) {
            f.library().saveDraft(ContentValidatorTest.valley(), "ops");
            f.library().publish("ops");
            UUID bo = UUID.randomUUID();
            f.log().board(bo, 1, "meadow", QuestGenerator.Board.DAILY);
            f.clock().advance(Duration.ofMinutes(1));
            f.send(bo, "npc.talked", "{\"npc\":\"hunter\"}");
            f.drain();
            f.clock().advance(Duration.ofDays(1));
            Assignment wolves = f.log().board(bo, 6, "forest", QuestGenerator.Board.DAILY).stream()
                    .filter(a -> a.quest().quest().equals("wolf-hunt")).findFirst().orElseThrow();
            assertThat(wolves.quest().goals()).extracting(GeneratedQuest.Goal::count).containsExactly(11, 4);
            f.clock().advance(Duration.ofMinutes(1));
            f.send(bo, "mob.killed", "{\"mob\":\"wolf\",\"count\":11}");
            f.send(bo, "item.delivered", "{\"item\":\"wolf-pelt\",\"npc\":\"stranger\",\"count\":4}");
            f.drain();
            assertThat(f.log().assignment(wolves.id()).progress()).as("delivered to the wrong NPC").containsExactly(11, 0);
            f.send(bo, "item.delivered", "{\"item\":\"wolf-pelt\",\"npc\":\"hunter\",\"count\":4}");
            f.drain();
            assertThat(f.log().assignment(wolves.id()).state()).isEqualTo(Assignment.COMPLETED);
            assertThat(f.queued()).containsExactly("wolf-pelts ITEM wolf-pelt 5");
            assertThat(f.ledger().balance(AccountId.player(bo), "coins")).isEqualTo(50 + 150);
        }
    }
}
