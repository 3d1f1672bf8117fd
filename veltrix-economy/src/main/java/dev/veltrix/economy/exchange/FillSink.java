package dev.veltrix.economy.exchange;

/** Receives the fills of one incoming order as the engine makes them, oldest first. */
@FunctionalInterface
public interface FillSink {
    /**
     * @param makerSeq  the resting order that was hit
     * @param price     the maker's price, in quote minor units per base minor unit
     * @param quantity  base minor units exchanged
     * @param makerDone true when this fill completed the maker
     */
    void fill(long makerSeq, long price, long quantity, boolean makerDone);
}
