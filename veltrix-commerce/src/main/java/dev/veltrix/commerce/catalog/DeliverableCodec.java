package dev.veltrix.commerce.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veltrix.core.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Deliverables as JSON, the same shape in the API and in the database:
 * {@code {"type":"command","group":"survival","command":"lp user {player} parent add vip","whenOnline":false,"on":"purchase"}}
 * ({@code on}: {@code purchase}, {@code expiry} or {@code refund}),
 * {@code {"type":"currency","currency":"coins","amount":500}}, {@code {"type":"claim_blocks","blocks":1000}}.
 * Reading collects every problem with its path instead of stopping at the first.
 */
public final class DeliverableCodec {
    public static final int COMMAND_LENGTH_MAX = 256;
    public static final int DELIVERABLES_MAX = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COMMAND_FIELDS = Set.of("type", "group", "command", "whenOnline", "on");

    private DeliverableCodec() {
    }

    public static List<Deliverable> read(JsonNode array, String path, List<FieldError> errors) {
        List<Deliverable> out = new ArrayList<>();
        if (array == null || !array.isArray() || array.isEmpty() || array.size() > DELIVERABLES_MAX) {
            errors.add(new FieldError(path, "a list of 1.." + DELIVERABLES_MAX
                    + " deliverables: {\"type\":\"command\"|\"currency\"|\"claim_blocks\"|\"pass_premium\", ...}"));
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            Deliverable d = readOne(array.get(i), path + "[" + i + "]", errors);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    private static Deliverable readOne(JsonNode node, String at, List<FieldError> errors) {
        String type = node.path("type").asText("");
        switch (type) {
            case "command" -> {
                node.fieldNames().forEachRemaining(f -> {
                    if (!COMMAND_FIELDS.contains(f)) {
                        errors.add(new FieldError(at + "." + f, "unknown field; a command takes " + COMMAND_FIELDS));
                    }
                });
                String group = node.path("group").asText(Deliverable.ANY_GROUP);
                if (!group.equals(Deliverable.ANY_GROUP) && !group.matches("[A-Za-z0-9_-]{1,32}")) {
                    errors.add(new FieldError(at + ".group", "a server group name (letters, digits, _ and -), or \"*\" for any"));
                }
                String command = node.path("command").asText("").strip();
                if (command.startsWith("/")) {
                    command = command.substring(1);
                }
                if (command.isEmpty() || command.length() > COMMAND_LENGTH_MAX || command.chars().anyMatch(c -> c < 0x20)) {
                    errors.add(new FieldError(at + ".command", "a console command of 1.." + COMMAND_LENGTH_MAX
                            + " characters on one line, such as \"lp user {player} parent add vip\""));
                }
                Matcher m = Deliverable.PLACEHOLDER.matcher(command);
                while (m.find()) {
                    if (!Deliverable.PLACEHOLDERS.contains(m.group(1))) {
                        errors.add(new FieldError(at + ".command", "unknown placeholder " + m.group()
                                + "; the placeholders are {player}, {uuid}, {order} and {quantity}"));
                    }
                }
                Deliverable.Command.Trigger on = Deliverable.Command.Trigger.PURCHASE;
                String trigger = node.path("on").asText("purchase");
                try {
                    on = Deliverable.Command.Trigger.valueOf(trigger.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(at + ".on", "\"purchase\", \"expiry\" or \"refund\", got \"" + trigger + "\""));
                }
                // Taking back (expiry, refund) needs no player online; giving a kit usually does.
                return new Deliverable.Command(group, command, node.path("whenOnline").asBoolean(on == Deliverable.Command.Trigger.PURCHASE), on);
            }
            case "currency" -> {
                String currency = node.path("currency").asText("");
                long amount = node.path("amount").canConvertToLong() ? node.path("amount").asLong() : 0;
                if (currency.isEmpty()) {
                    errors.add(new FieldError(at + ".currency", "the game currency to credit, such as \"coins\""));
                }
                if (amount < 1) {
                    errors.add(new FieldError(at + ".amount", "a whole amount in the currency's smallest unit, at least 1"));
                }
                return new Deliverable.CurrencyGrant(currency, amount);
            }
            case "claim_blocks" -> {
                long blocks = node.path("blocks").canConvertToLong() ? node.path("blocks").asLong() : 0;
                if (blocks < 1 || blocks > 10_000_000) {
                    errors.add(new FieldError(at + ".blocks", "1..10000000 claim blocks"));
                }
                return new Deliverable.ClaimBlocks(blocks);
            }
            case "pass_premium" -> {
                String season = node.path("season").asText("");
                if (season.isEmpty()) {
                    errors.add(new FieldError(at + ".season", "the battle-pass season whose premium track the package unlocks"));
                }
                return new Deliverable.PassPremium(season);
            }
            default -> {
                errors.add(new FieldError(at + ".type", "\"command\", \"currency\", \"claim_blocks\" or \"pass_premium\", got \"" + type + "\""));
                return null;
            }
        }
    }

    public static ArrayNode write(List<Deliverable> deliverables) {
        ArrayNode array = JSON.createArrayNode();
        for (Deliverable d : deliverables) {
            ObjectNode node = array.addObject();
            switch (d) {
                case Deliverable.Command c -> node.put("type", "command").put("group", c.group()).put("command", c.command())
                        .put("whenOnline", c.whenOnline()).put("on", c.on().name().toLowerCase(java.util.Locale.ROOT));
                case Deliverable.CurrencyGrant g -> node.put("type", "currency").put("currency", g.currency()).put("amount", g.amount());
                case Deliverable.ClaimBlocks b -> node.put("type", "claim_blocks").put("blocks", b.blocks());
                case Deliverable.PassPremium p -> node.put("type", "pass_premium").put("season", p.season());
            }
        }
        return array;
    }

    /** Reads what {@link #write} stored; stored rows were checked when saved. */
    public static List<Deliverable> parseStored(String text) {
        try {
            List<FieldError> errors = new ArrayList<>();
            List<Deliverable> out = read(JSON.readTree(text), "deliverables", errors);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("stored deliverables are invalid: " + errors);
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored deliverables are not JSON", e);
        }
    }
}
