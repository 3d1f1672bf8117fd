package dev.veltrix.server.fix;

import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.economy.exchange.BookView;
import dev.veltrix.economy.exchange.ExchangeService;
import dev.veltrix.economy.exchange.MatchingEngine;
import dev.veltrix.economy.exchange.Order;
import dev.veltrix.economy.exchange.OrderRequest;
import dev.veltrix.economy.exchange.OrderResult;
import dev.veltrix.economy.exchange.OrderType;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.KeyAuthorizer;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.ClOrdID;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecType;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrigClOrdID;
import quickfix.field.Password;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.MarketDataSnapshotFullRefresh;
import quickfix.fix44.MessageCracker;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReject;
import quickfix.fix44.OrderCancelRequest;

/**
 * The FIX 4.4 order-entry session logic. A counterparty logs on with a Veltrix server key as its
 * Password (554); the key needs economy:write. Then NewOrderSingle places an order and is answered
 * by an ExecutionReport of what happened at once; OrderCancelRequest cancels (or is answered by
 * OrderCancelReject); MarketDataRequest gets a full-refresh snapshot of the book. Refusals become
 * rejects with the same explanation the HTTP API gives, in Text (58).
 */
final class FixApplication extends MessageCracker implements quickfix.Application {
    private static final Logger LOG = LoggerFactory.getLogger(FixApplication.class);

    private final ExchangeService exchange;
    private final KeyAuthorizer authorizer;

    FixApplication(ExchangeService exchange, KeyAuthorizer authorizer) {
        this.exchange = exchange;
        this.authorizer = authorizer;
    }

    @Override
    public void fromAdmin(Message message, SessionID session) throws FieldNotFound, RejectLogon {
        if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD))) {
            String key = message.isSetField(Password.FIELD) ? message.getString(Password.FIELD) : null;
            try {
                authorizer.authorize(key == null ? null : "Bearer " + key, Scope.ECONOMY_WRITE);
            } catch (VeltrixException e) {
                LOG.warn("FIX logon of {} refused: {}", session.getTargetCompID(), e.getMessage());
                throw new RejectLogon("logon refused: send a Veltrix server key with economy:write as Password(554)");
            }
        }
    }

    @Override
    public void fromApp(Message message, SessionID session) throws FieldNotFound, quickfix.IncorrectTagValue,
            quickfix.UnsupportedMessageType {
        crack(message, session);
    }

    @Override
    public void onMessage(NewOrderSingle order, SessionID session) throws FieldNotFound {
        String clOrdId = order.getClOrdID().getValue();
        String symbol = order.isSetSymbol() ? order.getSymbol().getValue() : null;
        char side = order.isSetSide() ? order.getSide().getValue() : 0;
        try {
            String pair = FixOrders.pair(symbol);
            OrderType type = FixOrders.type(order.getOrdType().getValue());
            long price = type == OrderType.LIMIT && order.isSetPrice() ? FixOrders.whole("Price(44)", order.getPrice().getValue()) : 0;
            long maxTotal = order.isSetCashOrderQty() ? FixOrders.whole("CashOrderQty(152)", order.getCashOrderQty().getValue()) : 0;
            Instant expires = order.isSetExpireTime() ? order.getExpireTime().getValue().toInstant(java.time.ZoneOffset.UTC) : null;
            OrderRequest request = new OrderRequest(FixOrders.player(order.isSetAccount() ? order.getAccount().getValue() : null),
                    FixOrders.side(side), type, price, FixOrders.whole("OrderQty(38)", order.getOrderQty().getValue()),
                    maxTotal, expires, clOrdId);
            OrderResult result = exchange.place(pair, request);
            Order placed = result.order();
            send(FixOrders.report(placed, clOrdId, symbol, FixOrders.execTypeOnPlace(placed)), session);
        } catch (VeltrixException refused) {
            send(FixOrders.rejected(clOrdId, symbol, side, refused.getMessage()), session);
        }
    }

    @Override
    public void onMessage(OrderCancelRequest cancel, SessionID session) throws FieldNotFound {
        String clOrdId = cancel.getClOrdID().getValue();
        String original = cancel.getOrigClOrdID().getValue();
        String symbol = cancel.getSymbol().getValue();
        try {
            String pair = FixOrders.pair(symbol);
            UUID player = FixOrders.player(cancel.isSetAccount() ? cancel.getAccount().getValue() : null);
            Order order = exchange.orders(pair, player, ExchangeService.PAGE_MAX).stream()
                    .filter(o -> o.clientKey().equals(original)).findFirst()
                    .orElseThrow(() -> new dev.veltrix.core.error.NotFoundException("no order of " + player
                            + " with ClOrdID " + original + " among its newest " + ExchangeService.PAGE_MAX + " on " + pair));
            OrderResult result = exchange.cancel(pair, order.id(), player);
            if (result.replayed() && result.order().status() != dev.veltrix.economy.exchange.OrderStatus.CANCELLED) {
                throw new dev.veltrix.core.error.RejectedException("too-late", "order " + original + " is already "
                        + result.order().status());
            }
            send(FixOrders.report(result.order(), clOrdId, symbol, ExecType.CANCELED), session);
        } catch (VeltrixException refused) {
            OrderCancelReject reject = new OrderCancelReject(new OrderID("NONE"), new ClOrdID(clOrdId), new OrigClOrdID(original),
                    new OrdStatus(OrdStatus.REJECTED), new CxlRejResponseTo(CxlRejResponseTo.ORDER_CANCEL_REQUEST));
            reject.set(new Text(refused.getMessage()));
            send(reject, session);
        }
    }

    @Override
    public void onMessage(MarketDataRequest request, SessionID session) throws FieldNotFound {
        String id = request.getMDReqID().getValue();
        int depth = request.isSetMarketDepth() && request.getMarketDepth().getValue() > 0
                ? Math.min(request.getMarketDepth().getValue(), BookView.DEPTH_MAX) : 10;
        MarketDataRequest.NoRelatedSym related = new MarketDataRequest.NoRelatedSym();
        for (int i = 1; i <= request.getNoRelatedSym().getValue(); i++) {
            request.getGroup(i, related);
            String symbol = related.getSymbol().getValue();
            MarketDataSnapshotFullRefresh snapshot = new MarketDataSnapshotFullRefresh();
            snapshot.set(new MDReqID(id));
            snapshot.set(new Symbol(symbol));
            try {
                BookView book = exchange.book(FixOrders.pair(symbol), depth);
                add(snapshot, MDEntryType.BID, book.bids());
                add(snapshot, MDEntryType.OFFER, book.asks());
                send(snapshot, session);
            } catch (VeltrixException refused) {
                quickfix.fix44.MarketDataRequestReject reject = new quickfix.fix44.MarketDataRequestReject(new MDReqID(id));
                reject.set(new Text(refused.getMessage()));
                send(reject, session);
            }
        }
    }

    private static void add(MarketDataSnapshotFullRefresh snapshot, char type, java.util.List<MatchingEngine.Level> levels) {
        for (MatchingEngine.Level level : levels) {
            MarketDataSnapshotFullRefresh.NoMDEntries entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
            entry.set(new MDEntryType(type));
            entry.set(new MDEntryPx(level.price()));
            entry.set(new MDEntrySize(level.quantity()));
            snapshot.addGroup(entry);
        }
    }

    private static void send(Message message, SessionID session) {
        try {
            if (!Session.sendToTarget(message, session)) {
                LOG.warn("FIX message to {} not sent: the session is not logged on", session);
            }
        } catch (quickfix.SessionNotFound e) {
            LOG.warn("FIX message to {} not sent: the session is gone", session);
        }
    }

    @Override
    public void onCreate(SessionID session) {
    }

    @Override
    public void onLogon(SessionID session) {
        LOG.info("FIX session {} logged on", session);
    }

    @Override
    public void onLogout(SessionID session) {
        LOG.info("FIX session {} logged out", session);
    }

    @Override
    public void toAdmin(Message message, SessionID session) {
    }

    @Override
    public void toApp(Message message, SessionID session) {
    }
}
