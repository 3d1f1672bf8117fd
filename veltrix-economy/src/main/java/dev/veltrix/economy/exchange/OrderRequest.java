package dev.veltrix.economy.exchange;

import dev.veltrix.core.error.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A new order as a player (through a game server or a FIX session) asks for it.
 *
 * @param clientKey the caller's idempotency key (Idempotency-Key, or a FIX ClOrdID)
 */
public record OrderRequest(UUID player, OrderSide side, OrderType type, long price, long quantity, long maxTotal,
                           Instant expiresAt, String clientKey) {
    public static final long QUANTITY_MAX = 1_000_000_000_000L;
    public static final int KEY_LENGTH_MAX = 100;

    /** Every problem with this order on this pair at {@code now}; empty when it may be placed. */
    public List<FieldError> problems(Pair pair, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (player == null) {
            errors.add(new FieldError("player", "the player's UUID"));
        }
        if (side == null) {
            errors.add(new FieldError("side", "BUY or SELL"));
        }
        if (type == null) {
            errors.add(new FieldError("type", "LIMIT or MARKET"));
        }
        if (quantity < pair.minQuantity() || quantity > QUANTITY_MAX) {
            errors.add(new FieldError("quantity", pair.minQuantity() + ".." + QUANTITY_MAX + " " + pair.base()
                    + " minor units, got " + quantity));
        }
        if (type == OrderType.LIMIT) {
            if (price < pair.tickSize() || price % pair.tickSize() != 0) {
                errors.add(new FieldError("price", "a positive multiple of the tick size " + pair.tickSize() + " "
                        + pair.quote() + " minor units, got " + price + (price > 0 ? "; nearest ticks are "
                        + (price / pair.tickSize() * pair.tickSize()) + " and " + ((price / pair.tickSize() + 1) * pair.tickSize()) : "")));
            } else if (multiplyOverflows(price, quantity)) {
                errors.add(new FieldError("price", "price × quantity exceeds 10^18; trade less"));
            }
        } else if (type == OrderType.MARKET) {
            if (price != 0) {
                errors.add(new FieldError("price", "a MARKET order takes no price; send maxTotal for a buy"));
            }
            if (side == OrderSide.BUY && (maxTotal < 1 || maxTotal > 1_000_000_000_000_000_000L)) {
                errors.add(new FieldError("maxTotal", "a MARKET BUY needs the most " + pair.quote()
                        + " minor units to spend (1..10^18), got " + maxTotal));
            }
            if (expiresAt != null) {
                errors.add(new FieldError("expiresAt", "a MARKET order never rests, so it cannot expire"));
            }
        }
        if (type != OrderType.MARKET || side != OrderSide.BUY) {
            if (maxTotal != 0) {
                errors.add(new FieldError("maxTotal", "only MARKET BUY orders take maxTotal"));
            }
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future, got " + expiresAt));
        }
        if (clientKey == null || clientKey.isBlank() || clientKey.length() > KEY_LENGTH_MAX) {
            errors.add(new FieldError("Idempotency-Key", "send a unique key of 1.." + KEY_LENGTH_MAX
                    + " characters with every order; reuse it only to retry the same order"));
        }
        return errors;
    }

    private static boolean multiplyOverflows(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high != 0 || a * b < 0 || a * b > 1_000_000_000_000_000_000L;
    }

    /** What the order escrows when placed: the currency side and amount. */
    public long escrowAmount() {
        if (side == OrderSide.SELL) {
            return quantity;
        }
        return type == OrderType.MARKET ? maxTotal : price * quantity;
    }
}
