package dev.veltrix.progression.battlepass;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A battle-pass season: its window, its tier curve, the rewards of each tier on the free and premium tracks, the
 * game events that give XP, and XP multipliers for limited windows (a double-XP weekend).
 *
 * @param autoClaim rewards are granted as tiers are reached, without the player claiming them
 */
public record Season(String id, String name, Instant startsAt, Instant endsAt, TierCurve tiers, List<Reward> rewards,
                     Map<String, XpSource> sources, List<Multiplier> multipliers, boolean autoClaim) {

    public Season {
        rewards = List.copyOf(rewards);
        sources = Map.copyOf(sources);
        multipliers = List.copyOf(multipliers);
    }

    public boolean running(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    /** A reward of one tier on one track: game currency (through the ledger) or a cosmetic unlock, named. */
    public record Reward(int tier, Track track, String currency, long amount, String cosmetic) {
    }

    public enum Track {
        FREE, PREMIUM
    }

    /** XP a game event type gives, and at most how much of it a player earns from it per day (0: no cap). */
    public record XpSource(long xp, long dailyCap) {
    }

    /**
     * XP counts {@code factor} times between {@code from} and {@code until}: for every source, or only those named in
     * {@code sources}; for every player, or only members of {@code group} (as the game server names the player's
     * group in the event's data: {@code "data":{"group":"vip"}}). Where several apply, the largest counts.
     */
    public record Multiplier(Instant from, Instant until, double factor, List<String> sources, String group) {
        public Multiplier {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        public Multiplier(Instant from, Instant until, double factor) {
            this(from, until, factor, List.of(), null);
        }

        boolean covers(Instant at, String source, String playerGroup) {
            return !at.isBefore(from) && at.isBefore(until) && (sources.isEmpty() || sources.contains(source))
                    && (group == null || group.equals(playerGroup));
        }
    }
}
