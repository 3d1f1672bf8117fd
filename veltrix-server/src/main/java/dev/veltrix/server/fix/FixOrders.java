package dev.veltrix.server.fix;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.economy.exchange.Order;
import dev.veltrix.economy.exchange.OrderSide;
import dev.veltrix.economy.exchange.OrderStatus;
import dev.veltrix.economy.exchange.OrderType;
import dev.veltrix.economy.exchange.Pair;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.ExecutionReport;

/**
 * Translation between FIX 4.4 fields and the exchange: symbols are {@code BASE/QUOTE} (such as
 * {@code GEMS/COINS}), Account (1) is the player's UUID, quantities and prices are the exchange's
 * minor units (whole numbers).
 */
final class FixOrders {
    private FixOrders() {
    }

    /** {@code GEMS/COINS} -> {@code gems-coins}. */
    static String pair(String symbol) {
        int slash = symbol == null ? -1 : symbol.indexOf('/');
        if (slash <= 0 || slash == symbol.length() - 1) {
            throw InvalidInputException.of("Symbol(55)", "BASE/QUOTE, such as GEMS/COINS; got " + symbol);
        }
        return (symbol.substring(0, slash) + "-" + symbol.substring(slash + 1)).toLowerCase(Locale.ROOT);
    }

    static String symbol(Pair pair) {
        return (pair.base() + "/" + pair.quote()).toUpperCase(Locale.ROOT);
    }

    static OrderSide side(char side) {
        return switch (side) {
            case Side.BUY -> OrderSide.BUY;
            case Side.SELL -> OrderSide.SELL;
            default -> throw InvalidInputException.of("Side(54)", "1 (buy) or 2 (sell); got " + side);
        };
    }

    static OrderType type(char type) {
        return switch (type) {
            case quickfix.field.OrdType.LIMIT -> OrderType.LIMIT;
            case quickfix.field.OrdType.MARKET -> OrderType.MARKET;
            default -> throw InvalidInputException.of("OrdType(40)", "1 (market) or 2 (limit); got " + type);
        };
    }

    /** A FIX decimal that must be a whole number of minor units. */
    static long whole(String field, double value) {
        BigDecimal exact = BigDecimal.valueOf(value);
        if (exact.signum() < 0 || exact.stripTrailingZeros().scale() > 0) {
            throw InvalidInputException.of(field, "a whole, non-negative number of minor units; got " + exact.toPlainString());
        }
        return exact.longValueExact();
    }

    static UUID player(String account) {
        try {
            if (account != null && account.length() == 36) {
                return UUID.fromString(account);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw InvalidInputException.of("Account(1)", "the player's UUID; got " + account);
    }

    /** An execution report of an order's current state. */
    static ExecutionReport report(Order order, String clOrdId, String symbol, char execType) {
        double average = order.filled() == 0 ? 0 : (double) order.spent() / order.filled();
        long leaves = order.status().isFinal() ? 0 : order.remaining();
        ExecutionReport report = new ExecutionReport(new OrderID(order.id().toString()), new ExecID(UUID.randomUUID().toString()),
                new ExecType(execType), new OrdStatus(status(order.status())),
                new Side(order.side() == OrderSide.BUY ? Side.BUY : Side.SELL), new LeavesQty(leaves),
                new CumQty(order.filled()), new AvgPx(average));
        report.set(new ClOrdID(clOrdId));
        report.set(new Symbol(symbol));
        report.set(new OrderQty(order.quantity()));
        report.set(new quickfix.field.Account(order.player().toString()));
        return report;
    }

    /** An execution report refusing an order that never entered the book. */
    static ExecutionReport rejected(String clOrdId, String symbol, char side, String reason) {
        ExecutionReport report = new ExecutionReport(new OrderID("NONE"), new ExecID(UUID.randomUUID().toString()),
                new ExecType(ExecType.REJECTED), new OrdStatus(OrdStatus.REJECTED), new Side(side == 0 ? Side.BUY : side),
                new LeavesQty(0), new CumQty(0), new AvgPx(0));
        report.set(new ClOrdID(clOrdId == null ? "NONE" : clOrdId));
        if (symbol != null) {
            report.set(new Symbol(symbol));
        }
        report.set(new Text(reason.length() > 500 ? reason.substring(0, 500) : reason));
        return report;
    }

    static char status(OrderStatus status) {
        return switch (status) {
            case OPEN -> OrdStatus.NEW;
            case PARTIALLY_FILLED -> OrdStatus.PARTIALLY_FILLED;
            case FILLED -> OrdStatus.FILLED;
            case CANCELLED -> OrdStatus.CANCELED;
            case EXPIRED -> OrdStatus.EXPIRED;
        };
    }

    /** ExecType for a freshly placed order: what happened to it at once. */
    static char execTypeOnPlace(Order order) {
        return switch (order.status()) {
            case OPEN -> ExecType.NEW;
            case PARTIALLY_FILLED, FILLED -> ExecType.TRADE;
            case CANCELLED -> order.filled() > 0 ? ExecType.TRADE : ExecType.CANCELED;
            case EXPIRED -> ExecType.EXPIRED;
        };
    }
}
