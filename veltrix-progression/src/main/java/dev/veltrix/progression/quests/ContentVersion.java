package dev.veltrix.progression.quests;

import java.time.Instant;

/** One saved version of the quest content: draft, published (the one live) or retired, with its size and history. */
public record ContentVersion(int version, String state, int nodes, int edges, String savedBy, Instant savedAt, Instant publishedAt) {
    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String RETIRED = "retired";
}
