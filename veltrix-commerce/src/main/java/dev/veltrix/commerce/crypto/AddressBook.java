package dev.veltrix.commerce.crypto;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.SchemaModule;
import java.time.Clock;
import org.bitcoinj.base.BitcoinNetwork;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Hands each order the next unused address of a wallet, never one given before: the wallet's counter is
 * taken with an UPDATE inside the transaction that records the address, so two orders placed at once on
 * two nodes get two indexes. Asking again for the same order returns its address.
 */
public final class AddressBook {
    public static final SchemaModule SCHEMA = new SchemaModule("commerce");
    /** Warn once this many addresses in a row are unpaid, before wallets' gap limit of 20 is reached. */
    public static final int GAP_WARNING = 15;
    private static final Table<Record> WALLETS = table(name("commerce_wallets"));
    private static final Field<String> W_ID = field(name("id"), String.class);
    private static final Field<String> W_CHAIN = field(name("chain"), String.class);
    private static final Field<String> W_KEY = field(name("account_key"), String.class);
    private static final Field<Integer> W_NEXT = field(name("next_index"), Integer.class);
    private static final Field<Long> W_CREATED = field(name("created_at"), Long.class);
    private static final Table<Record> ADDRESSES = table(name("commerce_addresses"));
    private static final Field<String> A_WALLET = field(name("wallet_id"), String.class);
    private static final Field<Integer> A_INDEX = field(name("idx"), Integer.class);
    private static final Field<String> A_ADDRESS = field(name("address"), String.class);
    private static final Field<String> A_ORDER = field(name("order_ref"), String.class);
    private static final Field<Long> A_CREATED = field(name("created_at"), Long.class);
    private static final Field<Long> A_PAID = field(name("paid_at"), Long.class);

    private final Database database;
    private final Clock clock;

    public AddressBook(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** An address handed to an order. */
    public record Assignment(String walletId, int index, String address, String orderRef) {
    }

    /** Where a wallet stands: addresses handed out, and how many in a row after the last paid one are unpaid. */
    public record Gap(int handedOut, int unpaidInARow) {
        public boolean warn() {
            return unpaidInARow >= GAP_WARNING;
        }
    }

    /** Records a wallet's key (again: nothing changes), so its addresses can be handed out. */
    public void register(WalletKey wallet) {
        database.inTransaction(tx -> tx.insertInto(WALLETS, W_ID, W_CHAIN, W_KEY, W_NEXT, W_CREATED)
                .values(wallet.walletId(), wallet.chain().name(), wallet.account().serializePubB58(BitcoinNetwork.MAINNET), 0,
                        clock.millis())
                .onConflictDoNothing().execute());
    }

    /** The order's address: the one it has, or the wallet's next index. */
    public Assignment assign(WalletKey wallet, String orderRef) {
        if (orderRef == null || orderRef.isBlank() || orderRef.length() > 64) {
            throw InvalidInputException.of("orderRef", "the order's reference, 1..64 characters");
        }
        try {
            return assignOnce(wallet, orderRef);
        } catch (RuntimeException e) {
            if (!database.kind().isDuplicateKey(e)) {
                throw e;
            }
            // The same order was assigned at the same moment elsewhere; that transaction won, and this one
            // rolled back with its index: the order's address is the winner's.
            return assignOnce(wallet, orderRef);
        }
    }

    private Assignment assignOnce(WalletKey wallet, String orderRef) {
        return database.inTransaction(tx -> {
            Record existing = tx.select(A_INDEX, A_ADDRESS).from(ADDRESSES)
                    .where(A_WALLET.eq(wallet.walletId()), A_ORDER.eq(orderRef)).fetchOne();
            if (existing != null) {
                return new Assignment(wallet.walletId(), existing.get(A_INDEX), existing.get(A_ADDRESS), orderRef);
            }
            // The UPDATE takes the wallet's row lock (the write lock on SQLite) until commit: indexes are never shared.
            int updated = tx.update(WALLETS).set(W_NEXT, W_NEXT.plus(1)).where(W_ID.eq(wallet.walletId())).execute();
            if (updated != 1) {
                throw new NotFoundException("wallet " + wallet.walletId() + " is not registered; add its key first");
            }
            int index = tx.select(W_NEXT).from(WALLETS).where(W_ID.eq(wallet.walletId())).fetchOne(W_NEXT) - 1;
            String address = wallet.address(index);
            tx.insertInto(ADDRESSES, A_WALLET, A_INDEX, A_ADDRESS, A_ORDER, A_CREATED)
                    .values(wallet.walletId(), index, address, orderRef, clock.millis()).execute();
            return new Assignment(wallet.walletId(), index, address, orderRef);
        });
    }

    /** Marks an address paid (the watchers call this); it then closes the gap behind it. */
    public void markPaid(String address) {
        int updated = database.inTransaction(tx -> tx.update(ADDRESSES).set(A_PAID, clock.millis())
                .where(A_ADDRESS.eq(address), A_PAID.isNull()).execute());
        if (updated == 0 && !database.dsl().fetchExists(ADDRESSES, A_ADDRESS.eq(address))) {
            throw new NotFoundException("no order was given address " + address);
        }
    }

    public Gap gap(String walletId) {
        Integer next = database.dsl().select(W_NEXT).from(WALLETS).where(W_ID.eq(walletId)).fetchOne(W_NEXT);
        if (next == null) {
            throw new NotFoundException("wallet " + walletId + " is not registered");
        }
        Integer lastPaid = database.dsl().select(max(A_INDEX)).from(ADDRESSES)
                .where(A_WALLET.eq(walletId), A_PAID.isNotNull()).fetchOne(0, Integer.class);
        return new Gap(next, next - 1 - (lastPaid == null ? -1 : lastPaid));
    }
}
