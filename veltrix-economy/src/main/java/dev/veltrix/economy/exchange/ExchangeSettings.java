package dev.veltrix.economy.exchange;

/**
 * @param batchMax          most commands one pair processes per round (its escrows and settlements
 *                          are group-committed together)
 * @param queueCapacity     most commands waiting per pair; beyond it callers get 503
 * @param maxFillsPerOrder  most resting orders one incoming order may trade with
 * @param timeoutMs         longest a caller waits for its order to be processed
 */
public record ExchangeSettings(int batchMax, int queueCapacity, int maxFillsPerOrder, long timeoutMs) {
    public static final ExchangeSettings DEFAULTS = new ExchangeSettings(256, 16_384, 1_000, 30_000);
}
