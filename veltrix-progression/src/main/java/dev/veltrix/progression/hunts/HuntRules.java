package dev.veltrix.progression.hunts;

import dev.veltrix.core.error.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What makes a hunt definition usable; every problem is listed with the field it concerns. */
final class HuntRules {
    private HuntRules() {
    }

    static List<FieldError> check(Hunt hunt, Predicate<String> currencyExists) {
        List<FieldError> errors = new ArrayList<>();
        if (hunt.id() == null || !Hunts.ID.matcher(hunt.id()).matches()) {
            errors.add(new FieldError("id", "1..40 lower-case letters, digits and -"));
        }
        if (hunt.name() == null || hunt.name().isBlank() || hunt.name().length() > 80) {
            errors.add(new FieldError("name", "1..80 characters"));
        }
        if (hunt.startsAt() == null || hunt.endsAt() == null || !hunt.endsAt().isAfter(hunt.startsAt())) {
            errors.add(new FieldError("endsAt", "a hunt needs startsAt and an endsAt after it (ISO-8601 instants)"));
        }
        reward("finish", hunt.finishCurrency(), hunt.finishAmount(), currencyExists, errors);
        if (hunt.finishWinners() < 0) {
            errors.add(new FieldError("finishWinners", "how many finishers are rewarded, 0 for everyone"));
        }
        if (hunt.treasures().isEmpty() || hunt.treasures().size() > Hunts.TREASURES_MAX) {
            errors.add(new FieldError("treasures", "1.." + Hunts.TREASURES_MAX + " treasures"));
        }
        Set<String> ids = new HashSet<>();
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < hunt.treasures().size(); i++) {
            Treasure t = hunt.treasures().get(i);
            String at = "treasures[" + i + "].";
            if (t.id() == null || !Hunts.ID.matcher(t.id()).matches() || !ids.add(t.id())) {
                errors.add(new FieldError(at + "id", "a unique id: 1..40 lower-case letters, digits and -"));
            }
            if (!positions.add(t.position())) {
                errors.add(new FieldError(at + "position", "each treasure has its own position in the clue order"));
            }
            if (t.clue() == null || t.clue().isBlank() || t.clue().length() > 500) {
                errors.add(new FieldError(at + "clue", "1..500 characters"));
            }
            if (t.item() == null && (t.world() == null || t.world().isBlank() || !(t.radius() > 0) || t.radius() > 1_000
                    || !Double.isFinite(t.x()) || !Double.isFinite(t.y()) || !Double.isFinite(t.z()))) {
                errors.add(new FieldError(at + "world", "a place (world, x, y, z and a radius of 0..1000 blocks) or a hidden item"));
            }
            if (t.winners() < 1 || t.winners() > 100_000) {
                errors.add(new FieldError(at + "winners", "how many first finders win: 1..100000"));
            }
            reward(at + "reward", t.rewardCurrency(), t.rewardAmount(), currencyExists, errors);
        }
        return errors;
    }

    private static void reward(String at, String currency, long amount, Predicate<String> currencyExists, List<FieldError> errors) {
        if (currency == null) {
            return;
        }
        if (!currencyExists.test(currency)) {
            errors.add(new FieldError(at + "Currency", "no currency " + currency + "; create it first"));
        }
        if (amount < 1) {
            errors.add(new FieldError(at + "Amount", "a positive amount in the currency's smallest unit"));
        }
    }
}
