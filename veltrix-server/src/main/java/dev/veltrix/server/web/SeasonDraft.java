package dev.veltrix.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.progression.battlepass.Season;
import dev.veltrix.progression.battlepass.TierCurve;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The season editor's form as typed: every field as text, so a draft with mistakes comes back exactly as it was with
 * each problem beside its row. It becomes the API's JSON body ({@link #toJson}), so the form and the API share one
 * reading and one set of rules; rows left blank are ignored, and the remaining rows keep the index the rules name.
 */
public record SeasonDraft(String id, String name, String startsAt, String endsAt, boolean autoClaim, String tierKind, String base,
                          String step, String ratio, String count, String table, List<RewardRow> rewards, List<SourceRow> sources,
                          List<MultiplierRow> multipliers) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Empty rows offered below the filled ones; the page's "add a row" button clones more. */
    private static final int BLANK_ROWS = 2;

    /** One reward: {@code kind} is currency, cosmetic, command or item; {@code value} its code, name, command or item id. */
    public record RewardRow(String tier, String track, String kind, String value, String amount, String group) {
        boolean blank() {
            return tier.isBlank() && value.isBlank() && amount.isBlank();
        }
    }

    public record SourceRow(String event, String xp, String dailyCap) {
        boolean blank() {
            return event.isBlank() && xp.isBlank();
        }
    }

    public record MultiplierRow(String from, String until, String factor, String sources, String group) {
        boolean blank() {
            return from.isBlank() && until.isBlank() && factor.isBlank();
        }
    }

    public static SeasonDraft blank() {
        return new SeasonDraft("", "", "", "", false, "linear", "100", "100", "", "50", "", List.of(), List.of(), List.of());
    }

    public static SeasonDraft of(Season s) {
        TierCurve t = s.tiers();
        List<RewardRow> rewards = s.rewards().stream().map(r -> {
            String kind = r.currency() != null ? "currency" : r.item() != null ? "item" : r.command() != null ? "command" : "cosmetic";
            String value = switch (kind) {
                case "currency" -> r.currency();
                case "item" -> r.item();
                case "command" -> r.command();
                default -> r.cosmetic();
            };
            String amount = kind.equals("currency") ? Long.toString(r.amount()) : kind.equals("item") ? Integer.toString(r.count()) : "";
            return new RewardRow(Integer.toString(r.tier()), r.track().name().toLowerCase(Locale.ROOT), kind, value, amount,
                    "*".equals(r.group()) ? "" : r.group());
        }).toList();
        List<SourceRow> sources = s.sources().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new SourceRow(e.getKey(), Long.toString(e.getValue().xp()), e.getValue().dailyCap() == 0 ? "" : Long.toString(e.getValue().dailyCap())))
                .toList();
        List<MultiplierRow> multipliers = s.multipliers().stream().map(m -> new MultiplierRow(m.from().toString(), m.until().toString(),
                FormRows.number(m.factor()), String.join(", ", m.sources()), m.group() == null ? "" : m.group())).toList();
        boolean linear = t.kind().equals("linear");
        return new SeasonDraft(s.id(), s.name(), s.startsAt().toString(), s.endsAt().toString(), s.autoClaim(), t.kind(),
                t.kind().equals("table") ? "" : Long.toString(t.base()), linear ? Long.toString((long) t.factor()) : "",
                t.kind().equals("geometric") ? FormRows.number(t.factor()) : "", t.kind().equals("table") ? "" : Integer.toString(t.tiers()),
                t.table().stream().map(String::valueOf).collect(Collectors.joining(", ")), rewards, sources, multipliers);
    }

    /** The draft as the form posted it, blank rows dropped. */
    public static SeasonDraft of(Context ctx) {
        List<RewardRow> rewards = FormRows.rows(ctx, "reward", f -> new RewardRow(f[0], f[1], f[2], f[3], f[4], f[5]),
                "tier", "track", "kind", "value", "amount", "group").stream().filter(r -> !r.blank()).toList();
        List<SourceRow> sources = FormRows.rows(ctx, "source", f -> new SourceRow(f[0], f[1], f[2]), "event", "xp", "dailyCap").stream()
                .filter(r -> !r.blank()).toList();
        List<MultiplierRow> multipliers = FormRows.rows(ctx, "multiplier", f -> new MultiplierRow(f[0], f[1], f[2], f[3], f[4]),
                "from", "until", "factor", "sources", "group").stream().filter(r -> !r.blank()).toList();
        return new SeasonDraft(FormRows.text(ctx, "id"), FormRows.text(ctx, "name"), FormRows.text(ctx, "startsAt"), FormRows.text(ctx, "endsAt"), ctx.formParam("autoClaim") != null,
                FormRows.text(ctx, "tierKind"), FormRows.text(ctx, "base"), FormRows.text(ctx, "step"), FormRows.text(ctx, "ratio"), FormRows.text(ctx, "count"), FormRows.text(ctx, "table"),
                rewards, sources, multipliers);
    }

    /**
     * The API's JSON body for this draft. Numbers that are not numbers are listed in {@code problems} (and sent as 0,
     * so the season's own rules still check everything else).
     */
    public JsonNode toJson(List<FieldError> problems) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("startsAt", startsAt).put("endsAt", endsAt).put("autoClaim", autoClaim);
        ObjectNode tiers = body.putObject("tiers").put("kind", tierKind);
        switch (tierKind) {
            case "linear" -> tiers.put("base", FormRows.whole(base, "tiers.base", problems)).put("step", FormRows.whole(step, "tiers.step", problems))
                    .put("count", FormRows.whole(count, "tiers.count", problems));
            case "geometric" -> tiers.put("base", FormRows.whole(base, "tiers.base", problems)).put("ratio", FormRows.decimal(ratio, "tiers.ratio", problems))
                    .put("count", FormRows.whole(count, "tiers.count", problems));
            default -> {
                ArrayNode xp = tiers.putArray("xp");
                for (String part : table.split("[,\\s]+")) {
                    if (!part.isBlank()) {
                        xp.add(FormRows.whole(part, "tiers.xp", problems));
                    }
                }
            }
        }
        ArrayNode list = body.putArray("rewards");
        for (int i = 0; i < rewards.size(); i++) {
            RewardRow r = rewards.get(i);
            String at = "rewards[" + i + "].";
            ObjectNode reward = list.addObject().put("tier", FormRows.whole(r.tier(), at + "tier", problems)).put("track", r.track());
            switch (r.kind()) {
                case "currency" -> reward.put("currency", r.value()).put("amount", FormRows.whole(r.amount(), at + "amount", problems));
                case "item" -> reward.put("item", r.value()).put("count", r.amount().isBlank() ? 1 : FormRows.whole(r.amount(), at + "count", problems));
                case "command" -> reward.put("command", r.value());
                default -> reward.put("cosmetic", r.value());
            }
            if (!r.group().isBlank()) {
                reward.put("group", r.group());
            }
        }
        ObjectNode sourcesNode = body.putObject("sources");
        for (SourceRow s : sources) {
            sourcesNode.putObject(s.event().strip()).put("xp", FormRows.whole(s.xp(), "sources." + s.event().strip() + ".xp", problems))
                    .put("dailyCap", s.dailyCap().isBlank() ? 0 : FormRows.whole(s.dailyCap(), "sources." + s.event().strip() + ".dailyCap", problems));
        }
        ArrayNode ms = body.putArray("multipliers");
        for (int i = 0; i < multipliers.size(); i++) {
            MultiplierRow m = multipliers.get(i);
            ObjectNode node = ms.addObject().put("from", m.from()).put("until", m.until())
                    .put("factor", FormRows.decimal(m.factor(), "multipliers[" + i + "].factor", problems));
            ArrayNode only = node.putArray("sources");
            for (String source : m.sources().split("[,\\s]+")) {
                if (!source.isBlank()) {
                    only.add(source);
                }
            }
            if (!m.group().isBlank()) {
                node.put("group", m.group());
            }
        }
        return body;
    }

    /** The rows to show: the draft's, then blank ones to fill in. */
    public List<RewardRow> rewardRows() {
        return FormRows.withBlanks(rewards, new RewardRow("", "free", "currency", "", "", ""), BLANK_ROWS);
    }

    public List<SourceRow> sourceRows() {
        return FormRows.withBlanks(sources, new SourceRow("", "", ""), BLANK_ROWS);
    }

    public List<MultiplierRow> multiplierRows() {
        return FormRows.withBlanks(multipliers, new MultiplierRow("", "", "", "", ""), BLANK_ROWS);
    }
}
