package dev.veltrix.claims;

/**
 * Better terms for the members of one permission group (a rank, a donor tier). A negative value leaves
 * that term to the base rules; a player in several groups gets the best term of each.
 *
 * @param maxClaims 0 = unlimited
 */
public record GroupRule(String group, long initialBlocks, long blocksPerHour, long maxAccrued, int maxClaims) {

    /** Parses {@code group:term=value;term=value}, with terms initial-blocks, blocks-per-hour, max-accrued, max-per-player. */
    public static GroupRule parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected group:term=value;..., got " + text);
        }
        long initial = -1;
        long perHour = -1;
        long maxAccrued = -1;
        int maxClaims = -1;
        for (String term : text.substring(colon + 1).split(";")) {
            String[] kv = term.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected term=value, got " + term);
            }
            long value = Long.parseLong(kv[1].trim());
            if (value < 0) {
                throw new IllegalArgumentException(kv[0] + " must not be negative");
            }
            switch (kv[0].trim()) {
                case "initial-blocks" -> initial = value;
                case "blocks-per-hour" -> perHour = value;
                case "max-accrued" -> maxAccrued = value;
                case "max-per-player" -> maxClaims = Math.toIntExact(value);
                default -> throw new IllegalArgumentException("unknown term " + kv[0]
                        + "; terms are initial-blocks, blocks-per-hour, max-accrued, max-per-player");
            }
        }
        return new GroupRule(text.substring(0, colon).trim(), initial, perHour, maxAccrued, maxClaims);
    }
}
