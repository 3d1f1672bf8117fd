package dev.veltrix.server.claims;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.LedgerService;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.ledger.sql.SqlEffect;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Claim blocks sold for game currency: the payment to {@code system:claims} and the blocks credited
 * commit in one transaction, under the caller's idempotency key, so a retry never charges or credits twice.
 */
public final class BlockShop {
    public static final AccountId SELLER = new AccountId("system:claims");
    public static final long BLOCKS_MAX = 1_000_000;

    private final LedgerService ledger;
    private final ClaimStore store;
    private final Clock clock;
    private final String currency;
    private final long price;

    BlockShop(LedgerService ledger, ClaimStore store, Clock clock, String currency, long price) {
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
        this.currency = currency;
        this.price = price;
    }

    /** Buys blocks for a player; returns what was charged. */
    public long buy(String idempotencyKey, UUID player, long blocks) {
        if (price == 0) {
            throw new RejectedException("not-for-sale", "claim blocks are not for sale here (claims.block-price is 0)");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 150) {
            throw InvalidInputException.of("Idempotency-Key", "send a unique key of 1..150 characters with every purchase");
        }
        if (blocks < 1 || blocks > BLOCKS_MAX) {
            throw InvalidInputException.of("blocks", "1.." + BLOCKS_MAX + " blocks, got " + blocks);
        }
        long cost = Math.multiplyExact(blocks, price);
        TransferRequest payment = new TransferRequest(AccountId.player(player), SELLER, currency, cost, "claim-blocks",
                Map.of("blocks", Long.toString(blocks)));
        SqlEffect credit = (tx, posted) -> store.adjust(tx, player, 0, blocks, 0, clock.millis(), Long.MAX_VALUE);
        ledger.post("claims:blocks:" + idempotencyKey, List.of(payment), credit);
        return cost;
    }
}
