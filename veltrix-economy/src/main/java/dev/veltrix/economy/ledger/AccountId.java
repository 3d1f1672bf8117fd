package dev.veltrix.economy.ledger;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A ledger account: a player's wallet ({@code player:<uuid>}) or a system account
 * ({@code system:<name>}, such as {@code system:issuance} or {@code system:sink}).
 * Only system accounts may go below zero; they are where money enters and leaves the game.
 */
public record AccountId(String value) implements Comparable<AccountId> {
    public static final int LENGTH_MAX = 64;
    private static final Pattern SYSTEM_NAME = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,55}");
    private static final String PLAYER = "player:";
    private static final String SYSTEM = "system:";
    // Declared after the patterns above: static fields initialise in order, and these validate.
    /** Where new money comes from: rewards, store grants, admin credits. */
    public static final AccountId ISSUANCE = new AccountId("system:issuance");
    /** Where spent money goes: shop purchases, fees, taxes. */
    public static final AccountId SINK = new AccountId("system:sink");

    public AccountId {
        Objects.requireNonNull(value, "value");
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why {@code text} is not an account id, or null when it is one. */
    public static String problemWith(String text) {
        if (text.startsWith(PLAYER)) {
            String uuid = text.substring(PLAYER.length());
            try {
                if (uuid.length() == 36 && UUID.fromString(uuid).toString().equals(uuid)) {
                    return null;
                }
            } catch (IllegalArgumentException e) {
                // fall through to the message below
            }
            return "a player account is player:<uuid> with the UUID in lower-case 8-4-4-4-12 form, got " + text;
        }
        if (text.startsWith(SYSTEM) && SYSTEM_NAME.matcher(text.substring(SYSTEM.length())).matches()) {
            return null;
        }
        return "an account is player:<uuid> or system:<name> (name of lower-case letters, digits, _ . : -), got " + text;
    }

    public static AccountId player(UUID player) {
        return new AccountId(PLAYER + player);
    }

    public boolean isPlayer() {
        return value.startsWith(PLAYER);
    }

    /** System accounts create and absorb money, so they alone may hold a negative balance. */
    public boolean mayGoNegative() {
        return !isPlayer();
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
