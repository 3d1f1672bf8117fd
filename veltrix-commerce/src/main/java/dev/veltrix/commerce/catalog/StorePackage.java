package dev.veltrix.commerce.catalog;

import java.util.List;

/**
 * Something the store sells. {@code price} is in minor units of {@code currency}: an ISO 4217 code in upper
 * case (USD, EUR: paid with crypto or a hosted processor) or a game currency of the ledger in lower case
 * (paid from the player's balance).
 *
 * @param stock          units left, or null for unlimited
 * @param perPlayerLimit units one player may buy in all, or null for no limit
 * @param durationDays   a timed package (a 30-day rank): its expiry commands run this many days after settlement
 */
public record StorePackage(String id, String category, String name, String description, String currency, long price,
                           Integer stock, Integer perPlayerLimit, Integer durationDays, List<Deliverable> deliverables,
                           boolean active) {

    public StorePackage {
        deliverables = List.copyOf(deliverables);
    }

    /** Whether the price is in a fiat currency (paid off-game) rather than a game currency. */
    public boolean fiat() {
        return isFiat(currency);
    }

    public static boolean isFiat(String currency) {
        return currency.length() == 3 && currency.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }
}
