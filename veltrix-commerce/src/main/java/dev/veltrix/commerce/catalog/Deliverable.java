package dev.veltrix.commerce.catalog;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a package gives its buyer once the order settles. */
public sealed interface Deliverable {
    /** Any server group: the player's current server, or any healthy one for commands that need no player online. */
    String ANY_GROUP = "*";
    Set<String> PLACEHOLDERS = Set.of("player", "uuid", "order", "quantity");
    Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /**
     * A console command a game server of {@code group} runs, with {@code {player}}, {@code {uuid}}, {@code {order}}
     * and {@code {quantity}} filled in.
     *
     * @param whenOnline wait until the player is online on that group (a kit) or run at once (a rank)
     * @param on         when it runs: at purchase, when a timed package runs out, or when the order is refunded or
     *                   charged back (a refund also runs the expiry commands of a timed package: both take back)
     */
    record Command(String group, String command, boolean whenOnline, Trigger on) implements Deliverable {
        public enum Trigger {
            PURCHASE, EXPIRY, REFUND
        }

        /** The command with the placeholders of this purchase filled in. */
        public String fill(String playerName, UUID player, UUID order, int quantity) {
            Matcher m = PLACEHOLDER.matcher(command);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = switch (m.group(1)) {
                    case "player" -> playerName;
                    case "uuid" -> player.toString();
                    case "order" -> order.toString();
                    case "quantity" -> Integer.toString(quantity);
                    default -> m.group(); // refused when the package was saved; kept literally here
                };
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    /** Game currency credited through the ledger from {@code system:store}, per unit bought. */
    record CurrencyGrant(String currency, long amount) implements Deliverable {
    }

    /** Claim blocks added to the player's allowance, per unit bought. */
    record ClaimBlocks(long blocks) implements Deliverable {
    }

    /** The premium track of a battle-pass season. */
    record PassPremium(String season) implements Deliverable {
    }
}
