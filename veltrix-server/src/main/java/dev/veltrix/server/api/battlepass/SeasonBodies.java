package dev.veltrix.server.api.battlepass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.progression.battlepass.Season;
import dev.veltrix.progression.battlepass.TierCurve;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a season definition:
 * <pre>{"name":"Winter","startsAt":"…","endsAt":"…","tiers":{"kind":"linear","base":100,"step":50,"count":50},
 *  "rewards":[{"tier":1,"track":"free","currency":"coins","amount":50},{"tier":2,"track":"premium","cosmetic":"frost-halo"},
 *             {"tier":3,"track":"free","command":"give {player} diamond 3"},{"tier":4,"track":"premium","item":"hytale:gem","count":2}],
 *  "sources":{"mob.killed":{"xp":10,"dailyCap":500}},"multipliers":[{"from":"…","until":"…","factor":2}],"autoClaim":false}</pre>
 * Fields that cannot be read are listed together; the season's rules are checked when it is created.
 */
public final class SeasonBodies {
    private SeasonBodies() {
    }

    public static Season season(String id, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode t = body.path("tiers");
        TierCurve tiers = switch (t.path("kind").asText("")) {
            case "linear" -> TierCurve.linear(t.path("base").asLong(), t.path("step").asLong(), t.path("count").asInt());
            case "geometric" -> TierCurve.geometric(t.path("base").asLong(), t.path("ratio").asDouble(), t.path("count").asInt());
            case "table" -> {
                List<Long> xp = new ArrayList<>();
                t.path("xp").forEach(n -> xp.add(n.asLong()));
                yield TierCurve.table(xp);
            }
            default -> {
                errors.add(new FieldError("tiers.kind", "linear (base, step, count), geometric (base, ratio, count) or table (xp: [...])"));
                yield null;
            }
        };
        List<Season.Reward> rewards = new ArrayList<>();
        JsonNode list = body.path("rewards");
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            Season.Track track = null;
            try {
                track = Season.Track.valueOf(r.path("track").asText("free").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("rewards[" + i + "].track", "free or premium"));
            }
            rewards.add(new Season.Reward(r.path("tier").asInt(), track, text(r, "currency"), r.path("amount").asLong(0), text(r, "cosmetic"),
                    text(r, "command"), text(r, "item"), r.path("count").asInt(0), text(r, "group")));
        }
        Map<String, Season.XpSource> sources = new LinkedHashMap<>();
        body.path("sources").properties().forEach(e -> sources.put(e.getKey(),
                new Season.XpSource(e.getValue().path("xp").asLong(), e.getValue().path("dailyCap").asLong(0))));
        List<Season.Multiplier> multipliers = new ArrayList<>();
        JsonNode ms = body.path("multipliers");
        for (int i = 0; i < ms.size(); i++) {
            List<String> only = new ArrayList<>();
            ms.get(i).path("sources").forEach(n -> only.add(n.asText()));
            multipliers.add(new Season.Multiplier(instant(ms.get(i), "from", "multipliers[" + i + "].from", errors),
                    instant(ms.get(i), "until", "multipliers[" + i + "].until", errors), ms.get(i).path("factor").asDouble(), only,
                    ms.get(i).hasNonNull("group") ? ms.get(i).get("group").asText() : null));
        }
        Season season = new Season(id, body.path("name").asText(null), instant(body, "startsAt", "startsAt", errors),
                instant(body, "endsAt", "endsAt", errors), tiers, rewards, sources, multipliers, body.path("autoClaim").asBoolean(false));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the season was not created", errors);
        }
        return season;
    }

    private static String text(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asText() : null;
    }

    private static Instant instant(JsonNode node, String name, String field, List<FieldError> errors) {
        try {
            return Instant.parse(node.path(name).asText(""));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "an ISO-8601 instant such as 2026-12-24T18:00:00Z"));
            return null;
        }
    }
}
