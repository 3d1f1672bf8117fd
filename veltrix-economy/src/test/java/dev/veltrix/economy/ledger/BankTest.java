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

    /**
     * The first credit of an account inserts its balance row; with several writers, two groups may insert the same
     * one (and resend the same key) at once. Every credit must still post, once.
     */
    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void firstCreditsOfNewAccountsRacingAcrossWritersAllPostOnce(SqlKind kind) throws Exception {
        try (var f = new LedgerFixture(kind, new LedgerSettings(8, 4_096, 60_000, 3))) {
            for (int round = 0; round < 5; round++) {
                List<AccountId> fresh = List.of(LedgerFixture.player(), LedgerFixture.player(), LedgerFixture.player());
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    keys.add(UUID.randomUUID().toString());
                }
                List<Thread> clients = new ArrayList<>();
                Map<String, UUID> posted = new ConcurrentHashMap<>();
                for (int c = 0; c < 48; c++) {
                    String key = keys.get(c % 24); // every key sent twice, by two clients at once
                    AccountId to = fresh.get(c % fresh.size());
                    clients.add(Thread.ofVirtual().start(() -> {
                        PostResult result = f.ledger.transfer(key, move(AccountId.ISSUANCE, to, 10));
                        UUID earlier = posted.putIfAbsent(key, result.postingId());
                        assertThat(earlier == null || earlier.equals(result.postingId())).as("key %s posted once", key).isTrue();
                    }));
                }
                for (Thread client : clients) {
                    client.join();
                }
                assertThat(posted).as("every key posted").hasSize(24);
                long total = 0;
                for (AccountId account : fresh) {
                    total += f.balance(account);
                }
                assertThat(total).as("24 credits of 10, none twice").isEqualTo(240);
            }
            assertThat(f.ledger.verify()).as("books balance").isEmpty();
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
