package dev.veltrix.network.chat;

import java.util.List;

/**
 * @param messagesPer10Seconds what one player may send in 10 seconds (a Bucket4j bucket, refilled smoothly)
 * @param history              messages kept per channel
 * @param filteredWords        words masked with asterisks, case-insensitively, as whole words
 */
public record ChatSettings(int messagesPer10Seconds, int history, List<String> filteredWords) {
    public static final ChatSettings DEFAULTS = new ChatSettings(5, 100, List.of());

    public ChatSettings {
        filteredWords = List.copyOf(filteredWords);
    }
}
