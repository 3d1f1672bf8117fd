package dev.veltrix.server.fix;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;
import quickfix.field.Password;

/** A trading bot's side of FIX: a QuickFIX/J initiator that logs on with a key and collects replies. */
final class FixClient implements Application, AutoCloseable {
    final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final CountDownLatch loggedOn = new CountDownLatch(1);
    private final String password;
    private final SessionID session;
    private final SocketInitiator initiator;
    volatile String logoutText;

    FixClient(int port, String compId, String password) throws Exception {
        this.password = password;
        this.session = new SessionID("FIX.4.4", compId, "VELTRIX");
        SessionSettings settings = new SessionSettings();
        settings.setString(session, "ConnectionType", "initiator");
        settings.setString(session, "SocketConnectHost", "127.0.0.1");
        settings.setLong(session, "SocketConnectPort", port);
        settings.setString(session, "StartTime", "00:00:00");
        settings.setString(session, "EndTime", "00:00:00");
        settings.setLong(session, "HeartBtInt", 30);
        settings.setLong(session, "ReconnectInterval", 60);
        settings.setBool(session, "ResetOnLogon", true);
        settings.setString(session, "DataDictionary", "FIX44.xml");
        initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings),
                new DefaultMessageFactory());
        initiator.start();
    }

    boolean awaitLogon(int seconds) throws InterruptedException {
        return loggedOn.await(seconds, TimeUnit.SECONDS);
    }

    void send(Message message) throws Exception {
        Session.sendToTarget(message, session);
    }

    /** The next application message of a type, waiting up to 10 s. */
    Message next(String msgType) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Message message = received.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && message.getHeader().getString(MsgType.FIELD).equals(msgType)) {
                return message;
            }
        }
        throw new AssertionError("no " + msgType + " message within 10 s");
    }

    @Override
    public void toAdmin(Message message, SessionID id) {
        try {
            if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)) && password != null) {
                message.setString(Password.FIELD, password);
            }
        } catch (quickfix.FieldNotFound e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void fromAdmin(Message message, SessionID id) {
        try {
            if (MsgType.LOGOUT.equals(message.getHeader().getString(MsgType.FIELD)) && message.isSetField(58)) {
                logoutText = message.getString(58);
            }
        } catch (quickfix.FieldNotFound e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void fromApp(Message message, SessionID id) {
        received.add(message);
    }

    @Override
    public void onLogon(SessionID id) {
        loggedOn.countDown();
    }

    @Override
    public void onCreate(SessionID id) {
    }

    @Override
    public void onLogout(SessionID id) {
    }

    @Override
    public void toApp(Message message, SessionID id) {
    }

    @Override
    public void close() {
        initiator.stop(true);
    }
}
