package dev.veltrix.progression.battlepass;

import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.event.EventEnvelope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What makes a season usable; every problem is listed with the field it concerns. */
final class SeasonRules {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final Pattern ITEM = Pattern.compile("([a-z0-9_.-]{1,32}:)?[a-z0-9_./-]{1,64}");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private SeasonRules() {
    }

    static List<FieldError> check(Season season, Predicate<String> currencyExists) {
        List<FieldError> errors = new ArrayList<>();
        if (season.id() == null || !ID.matcher(season.id()).matches()) {
            errors.add(new FieldError("id", "1..40 lower-case letters, digits and -"));
        }
        if (season.name() == null || season.name().isBlank() || season.name().length() > 80) {
            errors.add(new FieldError("name", "1..80 characters"));
        }
        if (season.startsAt() == null || season.endsAt() == null || !season.endsAt().isAfter(season.startsAt())) {
            errors.add(new FieldError("endsAt", "a season needs startsAt and an endsAt after it (ISO-8601 instants)"));
        }
        String curve = season.tiers() == null ? "give the tiers: linear, geometric or a table" : season.tiers().problem();
        if (curve != null) {
            errors.add(new FieldError("tiers", curve));
        }
        int tiers = season.tiers() == null ? 0 : season.tiers().tiers();
        Set<String> once = new HashSet<>();
        for (int i = 0; i < season.rewards().size(); i++) {
            Season.Reward r = season.rewards().get(i);
            String at = "rewards[" + i + "].";
            if (r.tier() < 1 || r.tier() > tiers) {
                errors.add(new FieldError(at + "tier", "a tier of the season, 1.." + tiers));
            }
            if (r.track() == null) {
                errors.add(new FieldError(at + "track", "free or premium"));
            } else if (!once.add(r.tier() + "/" + r.track())) {
                errors.add(new FieldError(at + "tier", "one reward per tier and track (give a tier several currencies in separate seasons' tiers)"));
            }
            boolean currency = r.currency() != null;
            boolean cosmetic = r.cosmetic() != null && !r.cosmetic().isBlank();
            boolean command = r.command() != null;
            boolean item = r.item() != null;
            long kinds = java.util.stream.Stream.of(currency, cosmetic, command, item).filter(b -> b).count();
            if (kinds != 1) {
                errors.add(new FieldError(at + "currency", "a reward is one of: game currency (currency and amount), a cosmetic (its name),"
                        + " a command, or an item (item and count)"));
            } else if (command || item) {
                inGame(r, at, errors);
            } else if (currency && !currencyExists.test(r.currency())) {
                errors.add(new FieldError(at + "currency", "no currency " + r.currency() + "; create it first"));
            } else if (currency && r.amount() < 1) {
                errors.add(new FieldError(at + "amount", "a positive amount in the currency's smallest unit"));
            } else if (cosmetic && r.cosmetic().length() > 64) {
                errors.add(new FieldError(at + "cosmetic", "a name of at most 64 characters"));
            }
        }
        if (season.sources().isEmpty()) {
            errors.add(new FieldError("sources", "at least one game event type that gives XP, such as \"mob.killed\": {\"xp\": 10}"));
        }
        season.sources().forEach((type, source) -> {
            if (!EventEnvelope.isType(type) || type.length() > 64) {
                errors.add(new FieldError("sources." + type, "a game event type such as mob.killed"));
            }
            if (source.xp() < 1 || source.xp() > 1_000_000) {
                errors.add(new FieldError("sources." + type + ".xp", "1..1000000 XP per event"));
            }
            if (source.dailyCap() < 0) {
                errors.add(new FieldError("sources." + type + ".dailyCap", "XP a player may earn from it per day, 0 for no cap"));
            }
        });
        for (int i = 0; i < season.multipliers().size(); i++) {
            Season.Multiplier m = season.multipliers().get(i);
            if (m.from() == null || m.until() == null || !m.until().isAfter(m.from()) || !(m.factor() > 0) || m.factor() > 10) {
                errors.add(new FieldError("multipliers[" + i + "]", "a window (from before until) and a factor in (0, 10]"));
            }
            for (String source : m.sources()) {
                if (!season.sources().containsKey(source)) {
                    errors.add(new FieldError("multipliers[" + i + "].sources", "no XP source " + source + " in this season"));
                }
            }
            if (m.group() != null && !m.group().matches("[A-Za-z0-9_.-]{1,32}")) {
                errors.add(new FieldError("multipliers[" + i + "].group", "a permission group name, 1..32 letters, digits, _ . -"));
            }
        }
        return errors;
    }

    private static void inGame(Season.Reward r, String at, List<FieldError> errors) {
        if (!r.group().equals("*") && !GROUP.matcher(r.group()).matches()) {
            errors.add(new FieldError(at + "group", "a server group name (letters, digits, _ and -), or \"*\" for the player's server"));
        }
        if (r.item() != null) {
            if (!ITEM.matcher(r.item()).matches()) {
                errors.add(new FieldError(at + "item", "an item id such as hytale:iron_sword (lower case, digits, _ . / -, one namespace)"));
            }
            if (r.count() < 1 || r.count() > 10_000) {
                errors.add(new FieldError(at + "count", "1..10000 of the item"));
            }
            return;
        }
        String command = r.command().strip();
        // The longest it can be once filled in must fit the delivery queue (512 characters).
        String longest = command.replace("{player}", "p".repeat(32)).replace("{uuid}", "u".repeat(36)).replace("{season}", "s".repeat(40))
                .replace("{tier}", "99999");
        if (command.isEmpty() || longest.length() > 512 || command.chars().anyMatch(c -> c < 0x20)) {
            errors.add(new FieldError(at + "command", "a console command on one line, at most 512 characters once its placeholders are"
                    + " filled in, such as \"give {player} diamond 3\""));
        }
        Matcher m = PLACEHOLDER.matcher(command);
        while (m.find()) {
            if (!Season.Reward.PLACEHOLDERS.contains(m.group(1))) {
                errors.add(new FieldError(at + "command", "unknown placeholder " + m.group() + "; the placeholders are {player}, {uuid}, {season} and {tier}"));
            }
        }
    }
}
