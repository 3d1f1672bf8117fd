package dev.veltrix.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With a commit that returns before it is on disk, callers hear of it only once it is, and the writer goes on. */
class GroupCommitterTest {
    private static final long WAIT_MS = 10_000;

    @Test
    void callersAreAnsweredOnlyOnceTheirGroupIsOnDiskWhileTheWriterCommitsTheNextGroup() throws Exception {
        LinkedBlockingQueue<CompletableFuture<Void>> syncs = new LinkedBlockingQueue<>();
        List<List<Integer>> committed = new CopyOnWriteArrayList<>();
        try (GroupCommitter<Integer, String> committer = new GroupCommitter<>("test", 16, 100, 1,
                items -> {
                    committed.add(items);
                    return items.stream().map(i -> "done " + i).toList();
                },
                (items, results, nanos) -> { },
                () -> {
                    CompletableFuture<Void> sync = new CompletableFuture<>();
                    syncs.add(sync);
                    return sync;
                })) {
            CompletableFuture<String> first = committer.submit(1);
            CompletableFuture<Void> firstSync = syncs.poll(WAIT_MS, TimeUnit.MILLISECONDS);
            assertThat(firstSync).as("the first group's sync").isNotNull();

            CompletableFuture<String> second = committer.submit(2);
            CompletableFuture<Void> secondSync = syncs.poll(WAIT_MS, TimeUnit.MILLISECONDS);
            assertThat(secondSync).as("the second group, committed while the first waits for the disk").isNotNull();
            assertThat(committed).containsExactly(List.of(1), List.of(2));
            assertThat(first).as("answered before its group is on disk").isNotDone();

            secondSync.complete(null);
            assertThat(second.get(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo("done 2");
            assertThat(first).isNotDone();
            firstSync.complete(null);
            assertThat(first.get(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo("done 1");
        }
    }

    @Test
    void aGroupThatCannotBeSyncedFailsEachOfItsCallersWithTheReason() throws Exception {
        try (GroupCommitter<Integer, String> committer = new GroupCommitter<>("test", 16, 100, 1,
                items -> items.stream().map(i -> "done " + i).toList(),
                (items, results, nanos) -> { },
                () -> CompletableFuture.failedFuture(new IOException("No space left on device")))) {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(committer.submit(i));
            }
            for (CompletableFuture<String> answer : answers) {
                assertThat(answer).failsWithin(WAIT_MS, TimeUnit.MILLISECONDS).withThrowableOfType(ExecutionException.class)
                        .withMessageContaining("No space left on device");
            }
        }
    }
}
