package dev.veltrix.commerce.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Payments in ether and in an ERC-20 token on a real Ethereum node (ganache): amounts, confirmations, reorgs, downtime. */
class EthereumWatchersTest {
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static Ganache chain;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @BeforeAll
    static void start() throws Exception {
        chain = Ganache.start();
    }

    @AfterAll
    static void stop() {
        if (chain != null) {
            chain.close();
        }
    }

    private static String freshAddress(int i) {
        return "0x" + String.format("%040x", BigInteger.valueOf(0xBEEF0000L + i + System.nanoTime() % 100_000 * 100));
    }

    @Test
    void etherPaymentsAreFoundByReadingBlocksAndLoseTheirConfirmationsWhenTheirBlocksVanish() {
        try (var db = TestDatabases.open(SqlKind.SQLITE, List.of(StorageSchema.MODULE, AddressBook.SCHEMA))) {
            EtherWatcher watcher = new EtherWatcher(chain.rpc, db.database(), clock, FirstSeen.stored(db.database()));
            String address = freshAddress(1);
            watcher.prepare(List.of(address)); // the first round starts at the tip
            String before = chain.snapshot();
            chain.sendEther(chain.accounts.get(0), address, ETHER.divide(BigInteger.valueOf(20)));
            chain.sendEther(chain.accounts.get(1), freshAddress(2), ETHER); // to someone else: not ours
            chain.mine(2);
            watcher.prepare(List.of(address));
            List<ObservedPayment> payments = watcher.payments(address);
            assertThat(payments).hasSize(1);
            assertThat(payments.getFirst().amount()).isEqualTo(ETHER.divide(BigInteger.valueOf(20)));
            // ganache mines each transaction into a block of its own: the payment's, the other one's, then two more
            assertThat(payments.getFirst().confirmations()).isEqualTo(4);
            assertThat(payments.getFirst().seenAt()).isEqualTo(clock.instant());

            InvoiceRules rules = new InvoiceRules(3, java.math.BigDecimal.ZERO, java.time.Duration.ofHours(1));
            Instant expires = clock.instant().plusSeconds(900);
            assertThat(rules.evaluate(ETHER.divide(BigInteger.valueOf(20)), expires, payments, clock.instant()).status())
                    .isEqualTo(InvoiceState.Status.SETTLED);

            chain.revert(before); // the blocks holding the payment are gone
            assertThat(watcher.payments(address)).isEmpty();
            assertThat(rules.evaluate(ETHER.divide(BigInteger.valueOf(20)), expires, watcher.payments(address), clock.instant()).status())
                    .isEqualTo(InvoiceState.Status.NEW);
        }
    }

    @Test
    void aWatcherRestartedAfterDowntimeReadsTheBlocksItMissed() {
        try (var db = TestDatabases.open(SqlKind.SQLITE, List.of(StorageSchema.MODULE, AddressBook.SCHEMA))) {
            String address = freshAddress(3);
            new EtherWatcher(chain.rpc, db.database(), clock, FirstSeen.stored(db.database())).prepare(List.of(address));
            long stoppedAt = chain.rpc.blockNumber();
            // Down: the payment and many blocks go by.
            chain.sendEther(chain.accounts.get(2), address, ETHER);
            chain.mine(EtherWatcher.REORG_DEPTH + 5);
            EtherWatcher restarted = new EtherWatcher(chain.rpc, db.database(), clock, FirstSeen.stored(db.database()));
            assertThat(restarted.cursor()).contains(stoppedAt);
            restarted.prepare(List.of(address));
            assertThat(restarted.payments(address)).extracting(ObservedPayment::amount).containsExactly(ETHER);
            assertThat(restarted.cursor()).contains(chain.rpc.blockNumber());
        }
    }

    @Test
    void tokenTransfersToTheAddressAreReadFromTheContractsLogs() throws Exception {
        String token = chain.deployToken(chain.accounts.get(0), BigInteger.valueOf(1_000_000_000_000L));
        TokenWatcher watcher = new TokenWatcher(chain.rpc, token, 10_000, clock, FirstSeen.inMemory());
        String address = freshAddress(4);
        chain.transferToken(token, chain.accounts.get(0), address, BigInteger.valueOf(12_500_000)); // 12.50 in 6 decimals
        chain.transferToken(token, chain.accounts.get(0), freshAddress(5), BigInteger.valueOf(99));
        chain.transferToken(token, chain.accounts.get(0), address, BigInteger.valueOf(2_500_000));
        chain.mine(1);
        List<ObservedPayment> payments = watcher.payments(address);
        assertThat(payments).extracting(ObservedPayment::amount)
                .containsExactlyInAnyOrder(BigInteger.valueOf(12_500_000), BigInteger.valueOf(2_500_000));
        assertThat(payments).extracting(ObservedPayment::confirmations).containsExactlyInAnyOrder(4, 2); // one block per transaction, then one more
        assertThat(new TokenWatcher(chain.rpc, freshAddress(6), 10_000, clock, FirstSeen.inMemory()).payments(address))
                .as("transfers of another token do not count").isEmpty();
    }

    @Test
    void anUnreachableNodeIsReportedNotMistakenForNoPayment() {
        EthereumRpc nowhere = new EthereumRpc(URI.create("http://127.0.0.1:9"));
        assertThatThrownBy(() -> new TokenWatcher(nowhere, freshAddress(7), 100, clock, FirstSeen.inMemory()).payments(freshAddress(8)))
                .isInstanceOf(WatcherUnavailableException.class).hasMessageContaining("cannot be reached");
    }
}
