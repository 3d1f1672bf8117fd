package dev.veltrix.server.cli;

import dev.veltrix.kafka.DeadLetter;
import dev.veltrix.kafka.DeadLetters;
import dev.veltrix.kafka.KafkaSettings;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veltrix dead-letters list|replay}: what consumers failed on in cluster mode, and sending it again. */
@Command(name = "dead-letters", description = "Inspect and replay the events consumers failed on (cluster mode, Kafka).",
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Replay.class})
final class DeadLettersCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    static KafkaSettings kafka(ConfigOptions config) {
        KafkaSettings kafka = config.load(Map.of()).kafka();
        if (kafka == null) {
            throw new IllegalArgumentException(
                    "dead letters exist in cluster mode only: set kafka.bootstrap-servers (in veltrix.yml or with --set)");
        }
        return kafka;
    }

    @Command(name = "list", description = "List dead letters, oldest first, with the consumer and the error.")
    static final class ListLetters implements Runnable {
        @Mixin
        ConfigOptions config;
        @Option(names = "--limit", defaultValue = "100", description = "most entries (default ${DEFAULT-VALUE})")
        int limit;

        @Override
        public void run() {
            try (DeadLetters letters = DeadLetters.open(kafka(config))) {
                var all = letters.list(limit);
                for (DeadLetter letter : all) {
                    System.out.printf("%-10s %-20s %-28s %-36s %s  %s%n", letter.position(), letter.consumer(),
                            letter.type() == null ? "(not an event)" : letter.type(), letter.eventId() == null ? "-" : letter.eventId(),
                            letter.failedAt(), letter.error());
                }
                System.err.println(all.size() + " dead letters; replay one with: veltrix dead-letters replay PARTITION:OFFSET");
            }
        }
    }

    @Command(name = "replay", description = "Send a dead letter again to the consumer that failed on it (and to no other).")
    static final class Replay implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "PARTITION:OFFSET", description = "as the list shows it, e.g. 3:17")
        String position;

        @Override
        public void run() {
            String[] parts = position.split(":");
            if (parts.length != 2 || !parts[0].matches("\\d{1,6}") || !parts[1].matches("\\d{1,19}")) {
                throw new IllegalArgumentException("expected PARTITION:OFFSET as the list shows it (e.g. 3:17), got " + position);
            }
            try (DeadLetters letters = DeadLetters.open(kafka(config))) {
                DeadLetter letter = letters.replay(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
                System.out.println("replayed " + letter.position() + " (" + letter.eventId() + ") to consumer " + letter.consumer());
            }
        }
    }
}
