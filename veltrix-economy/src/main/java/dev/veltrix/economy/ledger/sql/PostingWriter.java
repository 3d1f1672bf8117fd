package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.event.EventEnvelope;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.economy.ledger.PostOutcome;
import dev.veltrix.economy.ledger.Posting;
import dev.veltrix.economy.ledger.Transfer;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.storage.ArrayProbe;
import dev.veltrix.storage.RowInserter;
import dev.veltrix.storage.SelectIn;
import dev.veltrix.storage.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * Applies one group of postings inside the caller's transaction: idempotency keys first, then the
 * touched balances are locked and read once, each posting is applied to them in order (in memory,
 * all legs or none), and finally the changed balances and every new row (transfers with their history
 * links, keys, outbox events) are written in batches.
 */
final class PostingWriter {
    private final Clock clock;
    private final UuidV7 ids;
    private final LedgerCodec codec;

    PostingWriter(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.ids = new UuidV7(clock);
        this.codec = new LedgerCodec(json);
    }

    private record PriorKey(String requestHash, UUID postingId) {
    }

    List<PostOutcome> apply(DSLContext tx, List<Posting> group) {
        Map<String, PriorKey> prior = loadKeys(tx, group);
        BalanceBook book = new BalanceBook(BalanceRows.lock(tx, touchedBalances(group, prior)));
        Map<String, List<Transfer>> postedNow = new HashMap<>();
        List<PostOutcome> outcomes = new ArrayList<>(group.size());
        List<Transfer> newTransfers = new ArrayList<>();
        List<SqlEffect> effects = new ArrayList<>();
        List<List<Transfer>> effectTransfers = new ArrayList<>();
        // Milliseconds, as stored, so a replay returns exactly what the first call returned.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        for (Posting posting : group) {
            PriorKey earlier = prior.get(posting.idempotencyKey());
            PostOutcome outcome;
            if (earlier != null && !earlier.requestHash().equals(posting.requestHash())) {
                outcome = keyReused(posting);
            } else if (earlier != null) {
                List<Transfer> original = postedNow.containsKey(posting.idempotencyKey())
                        ? postedNow.get(posting.idempotencyKey())
                        : loadPosting(tx, earlier.postingId());
                outcome = new PostOutcome.Posted(original, true);
            } else {
                outcome = applyLegs(book, posting, now);
                if (outcome instanceof PostOutcome.Posted posted) {
                    UUID postingId = posted.transfers().getFirst().postingId();
                    prior.put(posting.idempotencyKey(), new PriorKey(posting.requestHash(), postingId));
                    postedNow.put(posting.idempotencyKey(), posted.transfers());
                    newTransfers.addAll(posted.transfers());
                    if (posting.effect() instanceof SqlEffect effect) {
                        effects.add(effect);
                        effectTransfers.add(posted.transfers());
                    }
                }
            }
            outcomes.add(outcome);
        }
        insertRows(tx, group, postedNow, newTransfers, book, now);
        BalanceRows.save(tx, book);
        // After the ledger's own rows, so an effect may refer to the transfers it was posted with.
        writeEffects(tx, effects, effectTransfers);
        return outcomes;
    }

    /** Effects with a group writer go to it together, per writer in posting order; the rest one by one. */
    private static void writeEffects(DSLContext tx, List<SqlEffect> effects, List<List<Transfer>> transfers) {
        Map<SqlEffect.GroupWriter, List<SqlEffect>> grouped = new LinkedHashMap<>();
        for (int i = 0; i < effects.size(); i++) {
            SqlEffect effect = effects.get(i);
            SqlEffect.GroupWriter writer = effect.groupWriter();
            if (writer == null) {
                effect.write(tx, transfers.get(i));
            } else {
                grouped.computeIfAbsent(writer, w -> new ArrayList<>()).add(effect);
            }
        }
        grouped.forEach((writer, batch) -> writer.writeAll(tx, batch));
    }

    /** The balance rows the group's new postings may change; replays change none. */
    private static Set<BalanceKey> touchedBalances(List<Posting> group, Map<String, PriorKey> prior) {
        Set<BalanceKey> keys = new HashSet<>();
        for (Posting posting : group) {
            if (!prior.containsKey(posting.idempotencyKey())) {
                for (TransferRequest leg : posting.legs()) {
                    keys.add(BalanceBook.key(leg.from(), leg.currency()));
                    keys.add(BalanceBook.key(leg.to(), leg.currency()));
                }
            }
        }
        return keys;
    }

    private static PostOutcome keyReused(Posting posting) {
        return new PostOutcome.Refused(new ConflictException("idempotency-key-reused",
                "Idempotency-Key " + posting.idempotencyKey() + " was already used for a different request; "
                        + "send a new key for a new request, or resend the original body to get its result"));
    }

    private PostOutcome applyLegs(BalanceBook book, Posting posting, Instant now) {
        List<TransferRequest> legs = posting.legs();
        BalanceBook.Refusal refusal = book.apply(legs);
        if (refusal != null) {
            String where = legs.size() > 1 ? "transfers[" + refusal.leg() + "]: " : "";
            return new PostOutcome.Refused(new RejectedException(refusal.problemType(),
                    where + describe(refusal.problemType(), legs.get(refusal.leg()))));
        }
        UUID postingId = ids.generate();
        List<Transfer> transfers = new ArrayList<>(legs.size());
        for (int i = 0; i < legs.size(); i++) {
            TransferRequest leg = legs.get(i);
            transfers.add(new Transfer(ids.generate(), postingId, i, leg.from(), leg.to(), leg.currency(),
                    leg.amount(), leg.reference(), leg.metadata(), now));
        }
        return new PostOutcome.Posted(List.copyOf(transfers), false);
    }

    private static String describe(String refusal, TransferRequest leg) {
        return switch (refusal) {
            case "insufficient-funds" -> leg.from() + " holds less than " + leg.amount() + " " + leg.currency()
                    + "; credit it first or transfer less";
            default -> "the transfer would move a balance beyond " + TransferRequest.AMOUNT_MAX
                    + " minor units; transfer less";
        };
    }

    private static Map<String, PriorKey> loadKeys(DSLContext tx, List<Posting> group) {
        List<String> keys = group.stream().map(Posting::idempotencyKey).distinct().toList();
        Map<String, PriorKey> found = new LinkedHashMap<>();
        SelectIn.RowReader reader = row -> found.put(row.getString(1), new PriorKey(row.getString(2), UUID.fromString(row.getString(3))));
        if (tx.dialect().family() == SQLDialect.POSTGRES) {
            ArrayProbe.forEach(tx, KEYS_BY_PROBE, new String[][] {keys.toArray(String[]::new)}, reader);
        } else {
            SelectIn.forEach(tx, "select idem_key, request_hash, posting_id from ledger_idempotency where idem_key in ",
                    keys, "", reader);
        }
        return found;
    }

    // OFFSET 0 keeps the subquery a probe per key (see ArrayProbe).
    private static final String KEYS_BY_PROBE = "select k.idem_key, i.request_hash, i.posting_id"
            + " from unnest(?::varchar[]) as k(idem_key)"
            + " cross join lateral (select request_hash, posting_id from ledger_idempotency where idem_key = k.idem_key offset 0) as i";

    private List<Transfer> loadPosting(DSLContext tx, UUID postingId) {
        return tx.select(codec.columns()).from(TRANSFERS).where(TR_POSTING.eq(postingId.toString()))
                .orderBy(TR_LEG).fetch(codec::read);
    }

    /** Writes the group's new rows; links each transfer to the ones before it of its two balances, so run before the balances are saved. */
    private void insertRows(DSLContext tx, List<Posting> group, Map<String, List<Transfer>> postedNow,
                            List<Transfer> transfers, BalanceBook book, Instant now) {
        if (transfers.isEmpty()) {
            return;
        }
        RowInserter transferRows = new RowInserter(TRANSFERS, List.of(TR_ID, TR_POSTING, TR_LEG, TR_FROM, TR_TO,
                TR_CURRENCY, TR_AMOUNT, TR_REFERENCE, TR_METADATA, TR_POSTED_AT, TR_PREV_FROM, TR_PREV_TO));
        RowInserter keyRows = new RowInserter(IDEMPOTENCY, List.of(IDEM_KEY, IDEM_HASH, IDEM_POSTING, IDEM_CREATED_AT));
        List<EventEnvelope> events = new ArrayList<>(transfers.size());
        for (Transfer t : transfers) {
            String id = t.id().toString();
            transferRows.add(id, t.postingId().toString(), t.leg(), t.from().value(), t.to().value(), t.currency(),
                    t.amount(), t.reference(), codec.metadataJson(t.metadata()), now.toEpochMilli(),
                    book.link(BalanceBook.key(t.from(), t.currency()), id), book.link(BalanceBook.key(t.to(), t.currency()), id));
            events.add(new EventEnvelope(ids.generate(), "transfer.posted", t.postingId().toString(), now,
                    "economy", codec.eventPayload(t)));
        }
        for (Posting posting : group) {
            List<Transfer> posted = postedNow.remove(posting.idempotencyKey());
            if (posted != null) {
                keyRows.add(posting.idempotencyKey(), posting.requestHash(),
                        posted.getFirst().postingId().toString(), now.toEpochMilli());
            }
        }
        transferRows.execute(tx);
        keyRows.execute(tx);
        Outbox.append(tx, events);
    }
}
