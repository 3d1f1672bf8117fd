package dev.veltrix.server.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.economy.exchange.ExchangeSettings;
import dev.veltrix.economy.inflation.EconomyPolicy;
import dev.veltrix.economy.market.MarketSettings;
import dev.veltrix.server.TestNode;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.config.EconomyConfig;
import dev.veltrix.server.config.FixSettings;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.MarketDataSnapshotFullRefresh;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelRequest;

/** A FIX 4.4 trading bot (a QuickFIX/J initiator) trading on the exchange through the gateway. */
class FixGatewayTest {
    private static TestNode node;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        node = TestNode.start(new EconomyConfig(MarketSettings.DEFAULTS, ExchangeSettings.DEFAULTS, EconomyPolicy.NONE,
                new FixSettings(port, "VELTRIX")));
        node.createCoins();
        node.post("/api/v1/currencies", "{\"code\":\"gems\",\"name\":\"Gems\",\"decimals\":0}", null);
        node.put("/api/v1/exchange/pairs/gems-coins", "{\"tickSize\":1}");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static NewOrderSingle order(String clOrdId, UUID player, char side, long price, long quantity) {
        NewOrderSingle order = new NewOrderSingle(new ClOrdID(clOrdId), new Side(side), new TransactTime(LocalDateTime.now()),
                new OrdType(OrdType.LIMIT));
        order.set(new Symbol("GEMS/COINS"));
        order.set(new Account(player.toString()));
        order.set(new Price(price));
        order.set(new OrderQty(quantity));
        return order;
    }

    @Test
    void aBotPlacesMatchesCancelsAndReadsTheBook() throws Exception {
        String key = node.createKey(EnumSet.of(Scope.ECONOMY_WRITE));
        UUID seller = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        node.post("/api/v1/transfers", "{\"from\":\"system:issuance\",\"to\":\"player:" + seller
                + "\",\"currency\":\"gems\",\"amount\":100}", UUID.randomUUID().toString());
        node.fund(buyer, 10_000);
        try (FixClient bot = new FixClient(port, "BOT1", key)) {
            assertThat(bot.awaitLogon(10)).isTrue();

            bot.send(order("ask-1", seller, Side.SELL, 50, 40));
            Message ask = bot.next(MsgType.EXECUTION_REPORT);
            assertThat(ask.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.NEW);

            bot.send(order("bid-1", buyer, Side.BUY, 55, 10));
            Message bid = bot.next(MsgType.EXECUTION_REPORT);
            assertThat(bid.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            assertThat(bid.getDouble(CumQty.FIELD)).isEqualTo(10);
            assertThat(bid.getDouble(6)).as("AvgPx: the maker's price").isEqualTo(50);

            MarketDataRequest request = new MarketDataRequest(new MDReqID("md-1"),
                    new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT), new MarketDepth(5));
            MarketDataRequest.NoRelatedSym symbol = new MarketDataRequest.NoRelatedSym();
            symbol.set(new Symbol("GEMS/COINS"));
            request.addGroup(symbol);
            MarketDataRequest.NoMDEntryTypes types = new MarketDataRequest.NoMDEntryTypes();
            types.set(new MDEntryType(MDEntryType.BID));
            request.addGroup(types);
            bot.send(request);
            Message snapshot = bot.next(MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH);
            MarketDataSnapshotFullRefresh.NoMDEntries entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
            snapshot.getGroup(1, entry);
            assertThat(entry.getChar(MDEntryType.FIELD)).isEqualTo(MDEntryType.OFFER);
            assertThat(entry.getDouble(MDEntryPx.FIELD)).isEqualTo(50);
            assertThat(entry.getDouble(MDEntrySize.FIELD)).isEqualTo(30);

            OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID("ask-1"), new ClOrdID("cancel-1"),
                    new Side(Side.SELL), new TransactTime(LocalDateTime.now()));
            cancel.set(new Symbol("GEMS/COINS"));
            cancel.set(new Account(seller.toString()));
            bot.send(cancel);
            Message cancelled = bot.next(MsgType.EXECUTION_REPORT);
            assertThat(cancelled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.CANCELED);

            bot.send(order("bad-1", buyer, Side.BUY, 55, 10_000));
            Message rejected = bot.next(MsgType.EXECUTION_REPORT);
            assertThat(rejected.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.REJECTED);
            assertThat(rejected.getString(Text.FIELD)).contains("holds less than");
        }
        assertThat(node.get("/api/v1/accounts/player:" + seller + "/balances").body()).contains("\"amount\":500");
    }

    @Test
    void aLogonWithoutAValidKeyIsRefused() throws Exception {
        try (FixClient intruder = new FixClient(port, "BOT2", "vx_not_a_key")) {
            assertThat(intruder.awaitLogon(3)).as("refused at logon").isFalse();
        }
    }
}
