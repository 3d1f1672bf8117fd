package dev.veltrix.economy.ledger;

import static dev.veltrix.economy.ledger.LedgerFixture.move;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.core.error.RejectedException;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.TestDatabases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bank test in the spirit of Jepsen's: concurrent clients move money among a few accounts,
 * often resending a request under the same idempotency key (also from another client at the same
 * time). Afterwards the books must balance, every acknowledged posting must be there exactly once,
 * and each balance must equal what the acknowledged postings alone add up to. Three writers commit groups side by
 * side, so two groups race for the same balances and the same keys as two nodes of a cluster would.
 */
class BankTest {
    private static final int CLIENTS = 24;
    private static final int OPERATIONS_PER_CLIENT = 150;
    private static final int ACCOUNTS = 8;


    private record Sent(String key, List<TransferRequest> legs) {
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void concurrentTransfersWithRetriesNeitherLoseNorDuplicateMoney(SqlKind kind) throws Exception {
        try (var f = new LedgerFixture(kind, new LedgerSettings(32, 4_096, 60_000, 3))) {
            List<AccountId> accounts = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                accounts.add(LedgerFixture.player());
                f.issue(accounts.getLast(), 1_000);
            }
            List<Sent> sent = new CopyOnWriteArrayList<>();
            Map<UUID, PostResult> acknowledged = new ConcurrentHashMap<>();
            Map<String, Set<UUID>> postingsPerKey = new ConcurrentHashMap<>();
            AtomicInteger refused = new AtomicInteger();

            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int op = 0; op < OPERATIONS_PER_CLIENT; op++) {
                        Sent request = sent.isEmpty() || random.nextInt(100) >= 30
                                ? newRequest(accounts, random)
                                : sent.get(random.nextInt(sent.size())); // a retry, possibly of another client's key
                        sent.add(request);
                        try {
                            PostResult result = f.ledger.batch(request.key(), request.legs());
                            acknowledged.put(result.postingId(), result);
                            postingsPerKey.computeIfAbsent(request.key(), k -> ConcurrentHashMap.newKeySet())
                                    .add(result.postingId());
                        } catch (RejectedException e) {
                            refused.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread client : clients) {
                client.join();
            }

            assertThat(f.ledger.verify()).as("books balance").isEmpty();
            assertThat(postingsPerKey.values()).as("no key posted twice").allSatisfy(ids -> assertThat(ids).hasSize(1));
            Map<AccountId, Long> expected = new HashMap<>();
            accounts.forEach(a -> expected.put(a, 1_000L));
            for (PostResult result : acknowledged.values()) {
                for (Transfer t : result.transfers()) {
                    expected.merge(t.from(), -t.amount(), Long::sum);
                    expected.merge(t.to(), t.amount(), Long::sum);
                }
            }
            for (AccountId account : accounts) {
                assertThat(f.balance(account)).as("balance of %s", account).isEqualTo(expected.get(account));
            }
            assertThat(acknowledged).as("most requests succeed").hasSizeGreaterThan(CLIENTS * OPERATIONS_PER_CLIENT / 4);
            assertThat(refused.get()).as("some overdraw and are refused").isPositive();
        }
    }

    private static Sent newRequest(List<AccountId> accounts, ThreadLocalRandom random) {
        int legs = random.nextInt(10) == 0 ? 2 : 1;
        List<TransferRequest> moves = new ArrayList<>();
        for (int i = 0; i < legs; i++) {
            int from = random.nextInt(accounts.size());
            int to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
            moves.add(move(accounts.get(from), accounts.get(to), 1 + random.nextInt(400)));
        }
        return new Sent(UUID.randomUUID().toString(), moves);
    }
}
