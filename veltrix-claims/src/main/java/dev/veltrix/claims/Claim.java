package dev.veltrix.claims;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A claim: a box in one world, owned by a player or, when {@code owner} is null, by the server (an
 * admin claim). A subdivision has a {@code parent} and lies inside it; it inherits the parent's trust
 * unless {@code restricted}.
 *
 * @param trust subjects ({@link Subjects}) and their trust
 * @param flags flags set on this claim; unset flags take the defaults
 */
public record Claim(UUID id, String world, UUID owner, Box box, UUID parent, boolean restricted,
                    Map<String, Trust> trust, Map<Flag, Boolean> flags) {

    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(box, "box");
        trust = Map.copyOf(trust);
        flags = flags.isEmpty() ? Map.of() : new EnumMap<>(flags);
    }

    public boolean isAdminClaim() {
        return owner == null;
    }

    public boolean isSubdivision() {
        return parent != null;
    }

    /** The trust a player has here from this claim's own entries: as a player, a group member, or anyone. */
    Trust trustOf(UUID player, Iterable<String> groups) {
        Trust best = trust.get(Subjects.EVERYONE);
        best = max(best, trust.get(Subjects.player(player)));
        for (String group : groups) {
            best = max(best, trust.get(Subjects.group(group)));
        }
        return best;
    }

    static Trust max(Trust a, Trust b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    public Claim withTrust(String subject, Trust level) {
        Map<String, Trust> next = new java.util.HashMap<>(trust);
        if (level == null) {
            next.remove(subject);
        } else {
            next.put(subject, level);
        }
        return new Claim(id, world, owner, box, parent, restricted, next, flags);
    }

    public Claim withFlag(Flag flag, Boolean value) {
        Map<Flag, Boolean> next = new EnumMap<>(Flag.class);
        next.putAll(flags);
        if (value == null) {
            next.remove(flag);
        } else {
            next.put(flag, value);
        }
        return new Claim(id, world, owner, box, parent, restricted, trust, next);
    }

    public Claim withBox(Box next) {
        return new Claim(id, world, owner, next, parent, restricted, trust, flags);
    }

    public Claim withOwner(UUID next) {
        return new Claim(id, world, next, box, parent, restricted, trust, flags);
    }
}
