package dev.veltrix.commerce.crypto;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veltrix.storage.Database;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Payments in ether to the store's addresses, read from an Ethereum node over JSON-RPC. Ether transfers
 * have no index by address, so each round reads the blocks after the last one read (kept in the database:
 * after downtime the watcher goes on where it stopped) and keeps the transfers to watched addresses. Each
 * round reads the last {@link #REORG_DEPTH} blocks again, so a transaction moved by a reorganisation, or sent
 * to an address handed out while a round was running, is still found. Confirmations come from the transaction's
 * receipt at the time of asking: a transaction whose block vanished has none, or is gone.
 */
public final class EtherWatcher implements ChainWatcher {
    public static final int REORG_DEPTH = 12;
    public static final int BLOCKS_PER_ROUND = 500;
    private static final Table<Record> CURSORS = table(name("commerce_chain_cursors"));
    private static final Field<String> C_NAME = field(name("name"), String.class);
    private static final Field<Long> C_BLOCK = field(name("block"), Long.class);
    private static final Field<Long> C_UPDATED = field(name("updated_at"), Long.class);
    private static final Table<Record> TRANSFERS = table(name("commerce_eth_transfers"));
    private static final Field<String> T_TXID = field(name("txid"), String.class);
    private static final Field<String> T_ADDRESS = field(name("address"), String.class);
    private static final Field<String> T_AMOUNT = field(name("amount"), String.class);
    private static final Field<Long> T_BLOCK = field(name("block"), Long.class);
    private static final String CURSOR = "ether";

    private final EthereumRpc rpc;
    private final Database database;
    private final Clock clock;
    private final FirstSeen firstSeen;

    public EtherWatcher(EthereumRpc rpc, Database database, Clock clock, FirstSeen firstSeen) {
        this.rpc = rpc;
        this.database = database;
        this.clock = clock;
        this.firstSeen = firstSeen;
    }

    /** The last block read, or empty before the first round. */
    public java.util.Optional<Long> cursor() {
        return database.dsl().select(C_BLOCK).from(CURSORS).where(C_NAME.eq(CURSOR)).fetchOptional(C_BLOCK);
    }

    /** Reads the blocks since the last round, at most {@link #BLOCKS_PER_ROUND}, for transfers to {@code addresses}. */
    @Override
    public void prepare(Collection<String> addresses) {
        long tip = rpc.blockNumber();
        Long cursor = cursor().orElse(null);
        if (cursor == null) {
            // The first round starts at the tip: the store's addresses are new, nothing before now can pay them.
            save(tip);
            cursor = tip;
        }
        Set<String> watched = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        long to = Math.min(tip, cursor + BLOCKS_PER_ROUND);
        for (long n = Math.max(0, cursor - REORG_DEPTH + 1); n <= to && !watched.isEmpty(); n++) {
            JsonNode block = rpc.call("eth_getBlockByNumber", EthereumRpc.hex(n), true);
            for (JsonNode tx : block.path("transactions")) {
                String recipient = tx.path("to").asText("").toLowerCase(Locale.ROOT);
                BigInteger value = EthereumRpc.quantity(tx.path("value"));
                if (watched.contains(recipient) && value.signum() > 0) {
                    record(tx.path("hash").asText(), recipient, value, n);
                }
            }
        }
        save(to);
    }

    private void record(String txId, String address, BigInteger value, long block) {
        database.inTransaction(tx -> {
            if (tx.update(TRANSFERS).set(T_BLOCK, block).where(T_TXID.eq(txId)).execute() == 0) {
                tx.insertInto(TRANSFERS, T_TXID, T_ADDRESS, T_AMOUNT, T_BLOCK).values(txId, address, value.toString(), block).execute();
            }
            return null;
        });
    }

    private void save(long block) {
        database.inTransaction(tx -> {
            if (tx.update(CURSORS).set(C_BLOCK, block).set(C_UPDATED, clock.millis()).where(C_NAME.eq(CURSOR)).execute() == 0) {
                tx.insertInto(CURSORS, C_NAME, C_BLOCK, C_UPDATED).values(CURSOR, block, clock.millis()).execute();
            }
            return null;
        });
    }

    @Override
    public List<ObservedPayment> payments(String address) {
        List<Record> found = database.dsl().selectFrom(TRANSFERS).where(T_ADDRESS.eq(address.toLowerCase(Locale.ROOT))).fetch();
        if (found.isEmpty()) {
            return List.of();
        }
        long tip = rpc.blockNumber();
        List<ObservedPayment> payments = new ArrayList<>();
        for (Record row : found) {
            String txId = row.get(T_TXID);
            JsonNode receipt = rpc.call("eth_getTransactionReceipt", txId);
            int confirmations;
            if (receipt.isNull() || receipt.isMissingNode()) {
                if (rpc.call("eth_getTransactionByHash", txId).isNull()) {
                    continue; // dropped with its block: the node no longer knows it
                }
                confirmations = 0; // back in the mempool after a reorganisation
            } else if (EthereumRpc.quantity(receipt.path("status")).signum() == 0) {
                continue; // reverted: no value moved
            } else {
                confirmations = (int) Math.max(0, tip - EthereumRpc.quantity(receipt.path("blockNumber")).longValueExact() + 1);
            }
            payments.add(new ObservedPayment(txId, new BigInteger(row.get(T_AMOUNT)), firstSeen.firstSeen(txId, address, clock.instant()),
                    confirmations));
        }
        return payments;
    }
}
