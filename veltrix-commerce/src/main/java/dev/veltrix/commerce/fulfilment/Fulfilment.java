package dev.veltrix.commerce.fulfilment;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.commerce.catalog.Catalog;
import dev.veltrix.commerce.catalog.Deliverable;
import dev.veltrix.commerce.catalog.StorePackage;
import dev.veltrix.commerce.orders.Order;
import dev.veltrix.commerce.orders.OrderLine;
import dev.veltrix.commerce.orders.PlayerDirectory;
import dev.veltrix.commerce.orders.Timeline;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.SqlEffect;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns paid orders into deliveries and gets them done. A command goes to the server the player is on (or
 * any server of its group when it needs no player) as a {@code delivery.requested} event on the stream, at
 * once after settlement and again when the player joins; the server runs it and acknowledges, and an
 * unacknowledged one is sent again every {@link #RETRY}. Game currency and claim blocks are granted here,
 * each in the transaction that marks its delivery done, so a retry never grants twice.
 */
public final class Fulfilment {
    public static final String REQUESTED = "delivery.requested";
    public static final AccountId STORE = new AccountId("system:store");
    public static final Duration RETRY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(Fulfilment.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Table<Record> DELIVERIES = table(name("commerce_deliveries"));
    static final Field<String> ID = field(name("id"), String.class);
    static final Field<String> ORDER = field(name("order_id"), String.class);
    static final Field<String> REFERENCE = field(name("reference"), String.class);
    static final Field<String> PLAYER = field(name("player"), String.class);
    static final Field<String> PLAYER_NAME = field(name("player_name"), String.class);
    static final Field<String> KIND = field(name("kind"), String.class);
    static final Field<String> GROUP = field(name("grp"), String.class);
    static final Field<String> COMMAND = field(name("command"), String.class);
    static final Field<Integer> WHEN_ONLINE = field(name("when_online"), Integer.class);
    static final Field<Long> DUE = field(name("due_at"), Long.class);
    static final Field<String> STATUS = field(name("status"), String.class);
    static final Field<String> TARGET = field(name("target"), String.class);
    static final Field<Integer> ATTEMPTS = field(name("attempts"), Integer.class);
    static final Field<Long> ANNOUNCED = field(name("announced_at"), Long.class);
    static final Field<Long> DONE = field(name("done_at"), Long.class);
    static final Field<String> DONE_BY = field(name("done_by"), String.class);

    private final Database database;
    private final Clock clock;
    private final PlayerDirectory players;
    private final LedgerService ledger;
    private final GameGrants grants;
    private final dev.veltrix.commerce.creators.Creators creators;
    private final Reversals reversals;

    public Fulfilment(Database database, Clock clock, PlayerDirectory players, LedgerService ledger, GameGrants grants) {
        this.database = database;
        this.clock = clock;
        this.players = players;
        this.ledger = ledger;
        this.grants = grants;
        this.creators = new dev.veltrix.commerce.creators.Creators(database, clock, ledger);
        this.reversals = new Reversals(database, clock, ledger, grants);
    }

    /** Writes a paid order's deliveries in the settling transaction (an {@code Orders.SettleListener}). */
    public void write(DSLContext tx, Order order) {
        Instant now = clock.instant();
        var insert = tx.insertInto(DELIVERIES, ID, ORDER, PLAYER, PLAYER_NAME, KIND, GROUP, COMMAND, WHEN_ONLINE, DUE, STATUS, ATTEMPTS);
        int count = 0;
        for (OrderLine line : order.lines()) {
            // The package as it is now: an operator's fix to a command reaches orders still being paid.
            StorePackage pkg = Catalog.find(tx, line.packageId()).orElseThrow(() ->
                    new IllegalStateException("order " + order.id() + " names package " + line.packageId() + ", which is gone"));
            Instant expiresAt = pkg.durationDays() == null ? null : now.plus(Duration.ofDays(pkg.durationDays()));
            for (Deliverable d : pkg.deliverables()) {
                Delivery.Kind kind;
                String group = Deliverable.ANY_GROUP;
                String text;
                boolean whenOnline = false;
                Instant due = now;
                switch (d) {
                    case Deliverable.Command c -> {
                        if (c.on() == Deliverable.Command.Trigger.REFUND) {
                            continue; // written if the order is ever refunded
                        }
                        kind = c.on() == Deliverable.Command.Trigger.EXPIRY ? Delivery.Kind.EXPIRY : Delivery.Kind.COMMAND;
                        group = c.group();
                        text = c.fill(order.playerName(), order.player(), order.id(), line.quantity());
                        whenOnline = c.whenOnline();
                        due = kind == Delivery.Kind.EXPIRY ? expiresAt : now;
                    }
                    case Deliverable.CurrencyGrant g -> {
                        kind = Delivery.Kind.CURRENCY;
                        text = g.currency() + " " + Math.multiplyExact(g.amount(), (long) line.quantity());
                    }
                    case Deliverable.ClaimBlocks b -> {
                        kind = Delivery.Kind.BLOCKS;
                        text = Long.toString(Math.multiplyExact(b.blocks(), (long) line.quantity()));
                    }
                    case Deliverable.PassPremium p -> {
                        kind = Delivery.Kind.PREMIUM;
                        text = p.season();
                    }
                }
                insert = insert.values(UuidV7.next().toString(), order.id().toString(), order.player().toString(), order.playerName(),
                        kind.name(), group, text, whenOnline ? 1 : 0, due.toEpochMilli(), Delivery.Status.PENDING.name(), 0);
                count++;
            }
            // The creator's part of what the buyer paid for this line after the coupon (a gift card counts as paid).
            var share = dev.veltrix.commerce.creators.Creators.shareOf(tx, line.packageId());
            long paid = order.total() + order.giftCardAmount();
            if (share.isPresent() && order.subtotal() > 0) {
                long earned = java.math.BigInteger.valueOf(line.total()).multiply(java.math.BigInteger.valueOf(paid))
                        .multiply(java.math.BigInteger.valueOf(share.get().percent()))
                        .divide(java.math.BigInteger.valueOf(order.subtotal() * 100)).longValueExact();
                if (earned > 0) {
                    insert = insert.values(UuidV7.next().toString(), order.id().toString(), order.player().toString(), order.playerName(),
                            Delivery.Kind.EARNING.name(), Deliverable.ANY_GROUP,
                            share.get().creatorId() + " " + order.currency() + " " + earned + " " + line.packageId(), 0, now.toEpochMilli(),
                            Delivery.Status.PENDING.name(), 0);
                    count++;
                }
            }
        }
        insert.execute();
        Timeline.append(tx, order.id(), now, "deliveries", count + " deliveries created");
    }

    /**
     * Queues a command or an item for the player inside the caller's transaction, outside any order: another
     * capability's reward (a battle-pass tier, a quest). The first queueing of a {@code reference} counts; queueing it
     * again changes nothing and answers false. It waits for the player to be online on {@code group} ("*": any) and
     * goes out at the caller's {@link #sendPending(UUID)} after commit, or the next sweep.
     */
    public boolean queue(DSLContext tx, String reference, UUID player, Delivery.Kind kind, String group, String text) {
        if (!kind.forGameServer()) {
            throw new IllegalArgumentException("only commands and items are queued for a game server, not " + kind);
        }
        if (tx.fetchExists(DELIVERIES, REFERENCE.eq(reference))) {
            return false;
        }
        // The name the player joined under; a player who never gave one is named by their UUID without dashes, which
        // fits the name column (32 characters) and which game servers' commands accept.
        String name = players.nameOf(player).orElse(player.toString().replace("-", ""));
        return tx.insertInto(DELIVERIES, ID, REFERENCE, PLAYER, PLAYER_NAME, KIND, GROUP, COMMAND, WHEN_ONLINE, DUE, STATUS, ATTEMPTS)
                .values(UuidV7.next().toString(), reference, player.toString(), name, kind.name(), group, text.replace("{player}", name), 1,
                        clock.millis(), Delivery.Status.PENDING.name(), 0).execute() == 1;
    }

    /**
     * Takes back a refunded order inside {@code tx}: what was not delivered yet is cancelled, and the package's refund
     * and expiry commands are written to run now. Returns the grants that were applied and must be reversed.
     */
    public List<Delivery> revoke(DSLContext tx, Order order) {
        return reversals.revoke(tx, order);
    }

    /** Takes back one applied grant, once: the game currency through the ledger, claim blocks from the allowance. */
    public void reverse(Delivery grant) {
        reversals.reverse(grant);
    }

    /** Sends or applies whatever of the order is due now; called right after the settling transaction commits. */
    public void dispatch(UUID order) {
        for (Delivery d : query(ORDER.eq(order.toString()).and(STATUS.eq(Delivery.Status.PENDING.name())))) {
            attempt(d);
        }
    }

    /** Sends what waits for the player now: called when they join, and after a reward is queued for them. */
    public void sendPending(UUID player) {
        for (Delivery d : query(PLAYER.eq(player.toString()).and(STATUS.eq(Delivery.Status.PENDING.name())))) {
            attempt(d);
        }
    }

    /**
     * Sends again what was not acknowledged within {@link #RETRY}, sends what was waiting and is now due
     * (expiry commands, servers that came up), and applies grants a crash interrupted. Returns how many it tried.
     */
    public int sweep(int limit) {
        long now = clock.millis();
        List<Delivery> due = query(STATUS.eq(Delivery.Status.PENDING.name()).and(DUE.le(now))
                .and(ANNOUNCED.isNull().or(ANNOUNCED.le(now - RETRY.toMillis()))), limit);
        due.forEach(this::attempt);
        return due.size();
    }

    private void attempt(Delivery d) {
        if (d.dueAt().isAfter(clock.instant())) {
            return;
        }
        try {
            switch (d.kind()) {
                case COMMAND, EXPIRY, REVOKE, ITEM -> announce(d);
                case CURRENCY -> grantCurrency(d);
                case EARNING -> credit(d);
                case BLOCKS, PREMIUM -> grantInGame(d);
            }
        } catch (RuntimeException e) {
            // The sweep tries again; one failed delivery never holds up the others.
            LOG.warn("delivery {} of {} failed for now: {}", d.id(), d.order() == null ? d.reference() : "order " + d.order(), e.toString());
        }
    }

    private void announce(Delivery d) {
        Optional<String> server = d.whenOnline() ? players.onlineServer(d.player(), d.group()) : players.anyServer(d.group());
        if (server.isEmpty()) {
            return; // the player's join, or the sweep once a server of the group is up, sends it
        }
        long now = clock.millis();
        database.inTransaction(tx -> {
            int updated = tx.update(DELIVERIES).set(TARGET, server.get()).set(ATTEMPTS, ATTEMPTS.plus(1)).set(ANNOUNCED, now)
                    .where(ID.eq(d.id().toString()), STATUS.eq(Delivery.Status.PENDING.name())).execute();
            if (updated == 1) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("id", d.id().toString());
                payload.put("order", d.order() == null ? null : d.order().toString());
                payload.put("reference", d.reference());
                payload.put("server", server.get());
                payload.put("group", d.group());
                payload.put("player", d.player().toString());
                payload.put("playerName", d.playerName());
                payload.put("command", d.command());
                payload.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
                payload.put("whenOnline", d.whenOnline());
                Outbox.append(tx, List.of(new EventEnvelope(UuidV7.next(), REQUESTED, d.player().toString(), Instant.ofEpochMilli(now),
                        "commerce", json(payload))));
            }
            return null;
        });
    }

    private void grantCurrency(Delivery d) {
        String[] parts = d.command().split(" ");
        TransferRequest grant = new TransferRequest(STORE, AccountId.player(d.player()), parts[0], Long.parseLong(parts[1]),
                "store-order", Map.of("order", d.order().toString(), "delivery", d.id().toString()));
        SqlEffect done = (tx, posted) -> markDone(tx, d, "veltrix");
        ledger.post("store:delivery:" + d.id(), List.of(grant), done);
    }

    private void credit(Delivery d) {
        String[] parts = d.command().split(" "); // creator, store currency, amount, package
        creators.ensureCurrency(parts[1]);
        TransferRequest earning = new TransferRequest(dev.veltrix.commerce.creators.Creators.REVENUE,
                dev.veltrix.commerce.creators.Creators.account(parts[0]), dev.veltrix.commerce.creators.Creators.ledgerCurrency(parts[1]),
                Long.parseLong(parts[2]), "creator-earning", Map.of("order", d.order().toString(), "package", parts[3]));
        SqlEffect done = (tx, posted) -> markDone(tx, d, "veltrix");
        ledger.post("store:delivery:" + d.id(), List.of(earning), done);
    }

    private void grantInGame(Delivery d) {
        database.inTransaction(tx -> {
            if (markDone(tx, d, "veltrix")) {
                if (d.kind() == Delivery.Kind.BLOCKS) {
                    grants.claimBlocks(tx, d.player(), Long.parseLong(d.command()));
                } else {
                    grants.passPremium(tx, d.player(), d.command(), true);
                }
            }
            return null;
        });
    }

    private boolean markDone(DSLContext tx, Delivery d, String by) {
        int updated = tx.update(DELIVERIES).set(STATUS, Delivery.Status.DELIVERED.name()).set(DONE, clock.millis()).set(DONE_BY, by)
                .where(ID.eq(d.id().toString()), STATUS.eq(Delivery.Status.PENDING.name())).execute();
        if (updated == 1 && d.order() != null) {
            Timeline.append(tx, d.order(), clock.instant(), "delivered",
                    d.kind().name().toLowerCase(java.util.Locale.ROOT) + " \"" + d.command() + "\" by " + by);
        }
        return updated == 1;
    }

    /**
     * A game server ran a delivery's command. Acknowledging again is harmless (the delivery stays done once);
     * a delivery that was cancelled (the order refunded first) answers 409 so the server can undo.
     */
    public Delivery acknowledge(UUID id, String server) {
        Delivery d = delivery(id);
        if (!d.kind().forGameServer()) {
            throw new ConflictException("not-a-command", "delivery " + id + " is a grant Veltrix applies itself");
        }
        boolean done = database.inTransaction(tx -> markDone(tx, d, server));
        Delivery now = delivery(id);
        if (!done && now.status() == Delivery.Status.CANCELLED) {
            throw new ConflictException("delivery-cancelled", "delivery " + id + " was cancelled (its order was refunded)");
        }
        return now;
    }

    public Delivery delivery(UUID id) {
        List<Delivery> found = query(ID.eq(id.toString()), 1);
        if (found.isEmpty()) {
            throw new NotFoundException("no delivery " + id);
        }
        return found.getFirst();
    }

    /** Commands sent to {@code server} and not yet acknowledged (a server asks after a restart). */
    public List<Delivery> pendingFor(String server, int limit) {
        return query(TARGET.eq(server).and(STATUS.eq(Delivery.Status.PENDING.name())), limit);
    }

    public List<Delivery> ofOrder(UUID order) {
        return query(ORDER.eq(order.toString()), 1_000);
    }

    /** Pending deliveries per target server (null: waiting for a player or a server), for the console. */
    public Map<String, Integer> pendingByServer() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        database.dsl().select(TARGET, org.jooq.impl.DSL.count()).from(DELIVERIES).where(STATUS.eq(Delivery.Status.PENDING.name()))
                .groupBy(TARGET).forEach(r -> counts.put(r.value1() == null ? "(waiting)" : r.value1(), r.value2()));
        return counts;
    }

    private List<Delivery> query(Condition where) {
        return query(where, 1_000);
    }

    private List<Delivery> query(Condition where, int limit) {
        return database.dsl().selectFrom(DELIVERIES).where(where).orderBy(DUE, ID).limit(limit).fetch(Fulfilment::read);
    }

    static Delivery read(Record r) {
        return new Delivery(UUID.fromString(r.get(ID)), r.get(ORDER) == null ? null : UUID.fromString(r.get(ORDER)), r.get(REFERENCE),
                UUID.fromString(r.get(PLAYER)), r.get(PLAYER_NAME),
                Delivery.Kind.valueOf(r.get(KIND)), r.get(GROUP), r.get(COMMAND), r.get(WHEN_ONLINE) == 1, Instant.ofEpochMilli(r.get(DUE)),
                Delivery.Status.valueOf(r.get(STATUS)), r.get(TARGET), r.get(ATTEMPTS),
                r.get(ANNOUNCED) == null ? null : Instant.ofEpochMilli(r.get(ANNOUNCED)),
                r.get(DONE) == null ? null : Instant.ofEpochMilli(r.get(DONE)), r.get(DONE_BY));
    }

    static String json(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event payload failed to serialise", e);
        }
    }
}
