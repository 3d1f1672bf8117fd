package dev.veltrix.commerce.crypto;

import java.util.Collection;
import java.util.List;

/** Reads what a chain has seen paid to an address in one asset: each payment with its confirmations now. */
@FunctionalInterface
public interface ChainWatcher {
    List<ObservedPayment> payments(String address);

    /**
     * Called before a round of checks with the addresses about to be asked for: a watcher that must scan
     * blocks (ether has no index by address) reads the new blocks once for all of them here.
     */
    default void prepare(Collection<String> addresses) {
    }
}
