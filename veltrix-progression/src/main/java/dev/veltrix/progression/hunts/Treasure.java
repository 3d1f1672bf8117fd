package dev.veltrix.progression.hunts;

/**
 * One treasure of a hunt: found at a place (within {@code radius} blocks of x/y/z in {@code world}) or by holding a
 * hidden item ({@code item}, then no place). The first {@code winners} finders get {@code rewardAmount} of
 * {@code rewardCurrency} (none when the currency is null). {@code position} orders the clues of an ordered hunt.
 */
public record Treasure(String id, int position, String clue, String world, double x, double y, double z, double radius, String item,
                       int winners, String rewardCurrency, long rewardAmount) {

    public boolean byItem() {
        return item != null;
    }
}
