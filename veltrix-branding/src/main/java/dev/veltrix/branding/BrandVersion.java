package dev.veltrix.branding;

import java.time.Instant;

/** One saved version of a brand: draft, published or retired, who saved it and when. */
public record BrandVersion(String brand, int version, String state, String savedBy, Instant savedAt, Instant publishedAt) {
    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String RETIRED = "retired";
}
