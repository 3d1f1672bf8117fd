package dev.veltrix.server.config;

/**
 * The FIX 4.4 order-entry gateway of the exchange.
 *
 * @param port   TCP port to accept FIX sessions on; 0 = no gateway
 * @param compId this side's CompID (SenderCompID of what Veltrix sends)
 */
public record FixSettings(int port, String compId) {
    public static final FixSettings OFF = new FixSettings(0, "VELTRIX");
}
