package dev.veltrix.commerce.crypto;

import java.util.List;

/** Reads what a chain has seen paid to an address in one asset: each payment with its confirmations now. */
@FunctionalInterface
public interface ChainWatcher {
    List<ObservedPayment> payments(String address);
}
