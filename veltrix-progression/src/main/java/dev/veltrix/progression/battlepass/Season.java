package dev.veltrix.progression.battlepass;

import dev.veltrix.progression.rewards.GameDeliveries.InGame;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

    /**
     * A reward of one tier on one track, one of: game currency (through the ledger), a cosmetic unlock (named), a
     * console command, or an item ({@code count} of it). Commands and items go through the delivery queue to the
     * server of {@code group} ("*": any) the player is on.
     *
     * @param command a console command with {@code {player}}, {@code {uuid}}, {@code {season}} and {@code {tier}}
     */
    public record Reward(int tier, Track track, String currency, long amount, String cosmetic, String command, String item, int count,
                         String group) {
        public static final Set<String> PLACEHOLDERS = Set.of("player", "uuid", "season", "tier");

        public Reward {
            if (command != null && command.strip().startsWith("/")) {
                command = command.strip().substring(1);
            }
            count = item != null && count == 0 ? 1 : count;
            group = group == null || group.isBlank() ? "*" : group;
        }

        /** A reward in game currency or a cosmetic. */
        public Reward(int tier, Track track, String currency, long amount, String cosmetic) {
            this(tier, track, currency, amount, cosmetic, null, null, 0, null);
        }

        public static Reward command(int tier, Track track, String command, String group) {
            return new Reward(tier, track, null, 0, null, command, null, 0, group);
        }

        public static Reward item(int tier, Track track, String item, int count, String group) {
            return new Reward(tier, track, null, 0, null, null, item, count, group);
        }

        /** The reward as people read it: "50 coins", "frost-halo", "3 × hytale:gem", "/give {player} diamond". */
        public String label() {
            if (currency != null) {
                return amount + " " + currency;
            }
            if (item != null) {
                return count + " × " + item;
            }
            return command != null ? "/" + command : cosmetic;
        }

        /** What a game server hands the player for this reward, or null when Veltrix grants it itself. */
        public InGame inGame(String season, UUID player) {
            if (command != null) {
                String filled = command.replace("{uuid}", player.toString()).replace("{season}", season).replace("{tier}", Integer.toString(tier));
                return new InGame(
                        InGame.Kind.COMMAND, group, filled);
            }
            return item == null ? null : new InGame(
                    InGame.Kind.ITEM, group, item + " " + count);
        }
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
