package dev.veltrix.server.config;

import dev.veltrix.economy.ledger.LedgerSettings;
import dev.veltrix.storage.StorageConfig;

/**
 * Everything a Veltrix node needs to start, read and checked once at start-up.
 *
 * @param outboxRetention how long published events stay in the outbox (game servers resume within it)
 * @param economy         the shop's, the exchange's and the inflation policy's settings
 * @param claims          the rules new claims must meet and the price of claim blocks
 * @param network         heartbeat timeout, sticky routing window, forced hosts
 * @param kafka           cluster mode's event bus, or null for the embedded default's in-process bus
 * @param store           payment windows, the operator's wallet keys, chain watchers and rate sources
 */
public record VeltrixConfig(HttpSettings http, StorageConfig storage, LedgerSettings ledger, String nodeId,
                            java.time.Duration outboxRetention, EconomyConfig economy, ClaimSettings claims,
                            dev.veltrix.network.NetworkSettings network, dev.veltrix.kafka.KafkaSettings kafka,
                            StoreSettings store, BackupSettings backups) {

    /** The same configuration on other storage and another bus: how a cluster's nodes differ from the default. */
    public VeltrixConfig inCluster(StorageConfig sharedStorage, dev.veltrix.kafka.KafkaSettings sharedKafka, String node) {
        return new VeltrixConfig(http, sharedStorage, ledger, node, outboxRetention, economy, claims, network, sharedKafka.forNode(node), store,
                backups);
    }
}
