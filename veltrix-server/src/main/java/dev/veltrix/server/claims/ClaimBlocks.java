package dev.veltrix.server.claims;

/**
 * A player's claim blocks: what they have and where it went.
 *
 * @param lost what abandoned claims did not return (see claims.abandon-return-ratio)
 */
public record ClaimBlocks(long initial, long accrued, long bonus, long used, long lost) {

    public long available() {
        return initial + accrued + bonus - used - lost;
    }
}
