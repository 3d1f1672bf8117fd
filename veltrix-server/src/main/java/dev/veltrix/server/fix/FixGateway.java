package dev.veltrix.server.fix;

import dev.veltrix.economy.exchange.ExchangeService;
import dev.veltrix.server.http.KeyAuthorizer;
import java.net.InetSocketAddress;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.MemoryStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.mina.acceptor.DynamicAcceptorSessionProvider;

/**
 * The exchange's FIX 4.4 acceptor (QuickFIX/J). Any counterparty CompID may connect; the session is
 * created from a template on logon, and the logon is accepted only with a valid server key.
 */
public final class FixGateway implements AutoCloseable {
    private final SocketAcceptor acceptor;
    private final int port;

    private FixGateway(SocketAcceptor acceptor, int port) {
        this.acceptor = acceptor;
        this.port = port;
    }

    /** Starts accepting on {@code host:port} as {@code compId}. */
    public static FixGateway start(String host, int port, String compId, ExchangeService exchange, KeyAuthorizer authorizer) {
        SessionSettings settings = new SessionSettings();
        SessionID template = new SessionID("FIX.4.4", compId, DynamicAcceptorSessionProvider.WILDCARD);
        settings.setString(template, "ConnectionType", "acceptor");
        settings.setString(template, "AcceptorTemplate", "Y");
        settings.setString(template, "SocketAcceptAddress", host);
        settings.setLong(template, "SocketAcceptPort", port);
        settings.setString(template, "StartTime", "00:00:00");
        settings.setString(template, "EndTime", "00:00:00");
        settings.setBool(template, "UseDataDictionary", true);
        settings.setString(template, "DataDictionary", "FIX44.xml");
        settings.setBool(template, "ResetOnLogon", true);
        settings.setLong(template, "HeartBtInt", 30);
        FixApplication application = new FixApplication(exchange, authorizer);
        try {
            MemoryStoreFactory store = new MemoryStoreFactory();
            SLF4JLogFactory log = new SLF4JLogFactory(settings);
            DefaultMessageFactory messages = new DefaultMessageFactory();
            SocketAcceptor acceptor = new SocketAcceptor(application, store, settings, log, messages);
            acceptor.setSessionProvider(new InetSocketAddress(host, port),
                    new DynamicAcceptorSessionProvider(settings, template, application, store, log, messages));
            acceptor.start();
            return new FixGateway(acceptor, port);
        } catch (ConfigError e) {
            throw new IllegalStateException("the FIX gateway could not start on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        acceptor.stop(true);
    }
}
