package dev.veltrix.economy.ledger;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A currency of the network, such as {@code coins} with 0 decimals or {@code gems} with 2.
 * Amounts are always whole minor units; {@code decimals} only tells displays where the point goes.
 */
public record Currency(String code, String name, int decimals) {
    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,15}");
    public static final int NAME_LENGTH_MAX = 64;
    public static final int DECIMALS_MAX = 8;

    public Currency {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must be 1-16 lower-case letters, digits or _ starting with a letter, got " + code);
        }
        if (name.isBlank() || name.length() > NAME_LENGTH_MAX) {
            throw new IllegalArgumentException("name must be 1.." + NAME_LENGTH_MAX + " characters, got " + name.length());
        }
        if (decimals < 0 || decimals > DECIMALS_MAX) {
            throw new IllegalArgumentException("decimals must be 0.." + DECIMALS_MAX + ", got " + decimals);
        }
    }
}
