package dev.veltrix.commerce.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every order gets its own address, never one handed out before, even when orders arrive at once. */
class AddressBookContractTest {
    private static final WalletKey WALLET = WalletKey.parse(Chain.BITCOIN,
            "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs", "0/*");

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void concurrentOrdersGetDistinctConsecutiveIndexesAndAnOrderKeepsItsAddress(SqlKind kind) throws Exception {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, AddressBook.SCHEMA))) {
            AddressBook book = new AddressBook(db.database(), Clock.systemUTC());
            book.register(WALLET);
            book.register(WALLET); // again: nothing changes
            List<Future<AddressBook.Assignment>> placed = new ArrayList<>();
            try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
                for (int order = 0; order < 120; order++) {
                    String ref = "order-" + order;
                    placed.add(callers.submit(() -> book.assign(WALLET, ref)));
                }
            }
            List<AddressBook.Assignment> assignments = new ArrayList<>();
            for (Future<AddressBook.Assignment> future : placed) {
                assignments.add(future.get());
            }
            assertThat(assignments).extracting(AddressBook.Assignment::index).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, 120).boxed().toList());
            assertThat(assignments).allSatisfy(a -> assertThat(a.address()).isEqualTo(WALLET.address(a.index())));
            AddressBook.Assignment seventh = assignments.get(7);
            assertThat(book.assign(WALLET, "order-7")).isEqualTo(seventh);
            assertThat(book.gap(WALLET.walletId()).handedOut()).isEqualTo(120);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void oneOrderAskedForFromManyPlacesAtOnceGetsOneAddressAndBurnsNoIndex(SqlKind kind) throws Exception {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, AddressBook.SCHEMA))) {
            AddressBook book = new AddressBook(db.database(), Clock.systemUTC());
            book.register(WALLET);
            List<Future<AddressBook.Assignment>> asked = new ArrayList<>();
            try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 8; i++) {
                    asked.add(callers.submit(() -> book.assign(WALLET, "order-same")));
                }
            }
            for (Future<AddressBook.Assignment> answer : asked) {
                assertThat(answer.get().index()).isZero();
            }
            assertThat(book.assign(WALLET, "order-next").index()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void theGapOfUnpaidAddressesWarnsBeforeWalletsStopScanning(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, AddressBook.SCHEMA))) {
            AddressBook book = new AddressBook(db.database(), Clock.systemUTC());
            book.register(WALLET);
            List<AddressBook.Assignment> given = new ArrayList<>();
            for (int i = 0; i < AddressBook.GAP_WARNING; i++) {
                given.add(book.assign(WALLET, "o" + i));
            }
            assertThat(book.gap(WALLET.walletId()).warn()).isTrue();
            book.markPaid(given.get(12).address());
            assertThat(book.gap(WALLET.walletId())).isEqualTo(new AddressBook.Gap(15, 2));
            assertThat(book.gap(WALLET.walletId()).warn()).isFalse();
            assertThatThrownBy(() -> book.markPaid("bc1qnotoneofours")).isInstanceOf(NotFoundException.class);
            WalletKey unregistered = WalletKey.parse(Chain.ETHEREUM, WalletKeyTest.account(44, 60)
                    .serializePubB58(org.bitcoinj.base.BitcoinNetwork.MAINNET), "0/*");
            assertThatThrownBy(() -> book.assign(unregistered, "o1")).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("not registered");
        }
    }
}
