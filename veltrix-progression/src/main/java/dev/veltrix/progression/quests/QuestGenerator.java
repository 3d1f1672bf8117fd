package dev.veltrix.progression.quests;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes personal quests from one content version's templates: the daily and weekly boards of a player. A template is
 * eligible when the player's level reaches it and the regions it requires, its required quests are completed, it is
 * not on now, and it was not completed within the repeat window (a quest that is not repeatable, never again). The
 * choice is weighted (templates in the player's region count double) and without repeats on a board; objective counts
 * grow with difficulty and with the level of the quest's region. Seeded: the same player, period and seed give the
 * same board. Built once per content version.
 *
 * <p>Speed: a board does not look at every template. Each board's templates are kept sorted by the level they need,
 * with running sums of their weights, so a draw is a binary search among those the player's level reaches; a drawn
 * template that is not eligible (requirements, repeats) or already on the board is drawn again, and one outside the
 * player's region is kept with probability one half (which is the region's double weight). That is the weighted
 * choice among eligible templates exactly. Only when draws keep failing (few eligible) are the templates scanned.
 */
public final class QuestGenerator {
    private final int version;
    private final BoardRules rules;
    private final Index[] boards = new Index[Board.values().length];
    private static final int DRAWS_PER_PICK = 32;

    public enum Board {
        DAILY, WEEKLY;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The period a day falls in: the day itself, or the Monday of its week. */
        public LocalDate period(LocalDate day) {
            return this == DAILY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
    }

    /** A board's templates by the level they need, with the running sum of their weights. */
    private record Index(Template[] templates, int[] levels, double[] cumulative) {
        /** How many templates a player of {@code level} reaches: those before the first needing more. */
        int reached(int level) {
            int lo = 0;
            int hi = levels.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (levels[mid] <= level) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The template a draw of {@code r} in [0, total) lands on: the first whose running sum passes it. */
        int at(double r, int limit) {
            int lo = 0;
            int hi = limit - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > r) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }

    /** A template with what it needs and gives, looked up once. */
    private record Template(ContentNode.Quest quest, List<ContentNode.Objective> objectives, List<ContentNode.Reward> rewards,
                            List<String> requiredQuests, int requiredLevel, String region, double regionFactor) {
    }

    public QuestGenerator(int version, QuestContent content) {
        this.version = version;
        this.rules = content.boards();
        Map<String, ContentNode> nodes = new HashMap<>();
        content.nodes().forEach(n -> nodes.put(n.id(), n));
        Map<String, List<Edge>> out = new HashMap<>();
        content.edges().forEach(e -> out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e));
        List<Template> list = new ArrayList<>();
        for (ContentNode n : content.nodes()) {
            if (!(n instanceof ContentNode.Quest q)) {
                continue;
            }
            List<ContentNode.Objective> objectives = new ArrayList<>();
            List<ContentNode.Reward> rewards = new ArrayList<>();
            List<String> requiredQuests = new ArrayList<>();
            int requiredLevel = q.level();
            String region = null;
            int regionLevel = 0;
            for (Edge e : out.getOrDefault(q.id(), List.of())) {
                ContentNode to = nodes.get(e.to());
                switch (e.type()) {
                    case HAS -> objectives.add((ContentNode.Objective) to);
                    case REWARDS -> rewards.add((ContentNode.Reward) to);
                    case REQUIRES -> {
                        if (to instanceof ContentNode.Region r) {
                            requiredLevel = Math.max(requiredLevel, r.level());
                            region = region == null ? r.id() : region;
                            regionLevel = Math.max(regionLevel, r.level());
                        } else {
                            requiredQuests.add(e.to());
                        }
                    }
                    case LOCATED_IN -> {
                        ContentNode.Region r = (ContentNode.Region) to;
                        region = r.id();
                        regionLevel = Math.max(regionLevel, r.level());
                    }
                    default -> {
                        // unlocks and follow-up guide players; requirements decide eligibility
                    }
                }
            }
            list.add(new Template(q, List.copyOf(objectives), List.copyOf(rewards), List.copyOf(requiredQuests), requiredLevel, region,
                    1 + regionLevel / 100.0));
        }
        for (Board board : Board.values()) {
            List<Template> on = list.stream().filter(t -> t.quest().board().equals("any") || t.quest().board().equals(board.label()))
                    .sorted(java.util.Comparator.comparingInt(Template::requiredLevel)).toList();
            int[] levels = new int[on.size()];
            double[] cumulative = new double[on.size()];
            double sum = 0;
            for (int i = 0; i < on.size(); i++) {
                levels[i] = on.get(i).requiredLevel();
                sum += on.get(i).quest().weight();
                cumulative[i] = sum;
            }
            boards[board.ordinal()] = new Index(on.toArray(Template[]::new), levels, cumulative);
        }
    }

    public int version() {
        return version;
    }

    /** The player's board for the period {@code day} falls in, by the content's seed. */
    public List<GeneratedQuest> board(PlayerContext player, Board board, LocalDate day) {
        return board(player, board, day, rules.seed());
    }

    /** The board {@code seed} gives (a preview of another seed). */
    public List<GeneratedQuest> board(PlayerContext player, Board board, LocalDate day, long seed) {
        Index index = boards[board.ordinal()];
        int reached = index.reached(player.level());
        SplittableRandom random = new SplittableRandom(mix(seed, player.player(), board.ordinal(), board.period(day).toEpochDay()));
        int size = board == Board.DAILY ? rules.dailyBoard() : rules.weeklyBoard();
        List<GeneratedQuest> out = new ArrayList<>(size);
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        double total = reached == 0 ? 0 : index.cumulative()[reached - 1];
        for (int draws = 0; out.size() < size && total > 0 && draws < DRAWS_PER_PICK * size; draws++) {
            int i = index.at(random.nextDouble() * total, reached);
            Template t = index.templates()[i];
            if (taken.contains(i) || !eligible(t, player, day) || (!inRegion(t, player) && random.nextBoolean())) {
                continue;
            }
            taken.add(i);
            out.add(make(t, board));
        }
        if (out.size() < size) {
            scan(index, reached, taken, player, board, day, random, size, out);
        }
        return out;
    }

    /** The exact weighted choice by a scan of every reached template, for boards the draws could not fill. */
    private void scan(Index index, int reached, java.util.Set<Integer> taken, PlayerContext player, Board board, LocalDate day,
                      SplittableRandom random, int size, List<GeneratedQuest> out) {
        List<Integer> eligible = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < reached; i++) {
            Template t = index.templates()[i];
            if (!taken.contains(i) && eligible(t, player, day)) {
                double weight = t.quest().weight() * (inRegion(t, player) ? 2.0 : 1.0);
                eligible.add(i);
                weights.add(weight);
                total += weight;
            }
        }
        while (out.size() < size && !eligible.isEmpty()) {
            double pick = random.nextDouble() * total;
            int i = 0;
            while (i < eligible.size() - 1 && pick >= weights.get(i)) {
                pick -= weights.get(i);
                i++;
            }
            out.add(make(index.templates()[eligible.get(i)], board));
            total -= weights.get(i);
            eligible.remove(i);
            weights.remove(i);
        }
    }

    private static boolean inRegion(Template t, PlayerContext player) {
        return t.region() != null && t.region().equals(player.region());
    }

    /** Eligible beyond the board and level, which the index has seen to: requirements, not on now, repeats. */
    private boolean eligible(Template t, PlayerContext player, LocalDate day) {
        ContentNode.Quest q = t.quest();
        if (player.active().contains(q.id())) {
            return false;
        }
        for (String required : t.requiredQuests()) {
            if (!player.completed().containsKey(required)) {
                return false;
            }
        }
        LocalDate last = player.completed().get(q.id());
        return last == null || (q.repeatable() && last.isBefore(day.minusDays(rules.repeatWindowDays() - 1L)));
    }

    private GeneratedQuest make(Template t, Board board) {
        double scale = (1 + (t.quest().difficulty() - 1) / 4.0) * t.regionFactor();
        List<GeneratedQuest.Goal> goals = t.objectives().stream().map(o -> new GeneratedQuest.Goal(o.id(), o.kind(), o.target(),
                // Talking and visiting are done once, however hard the quest.
                o.kind() == ObjectiveKind.TALK || o.kind() == ObjectiveKind.VISIT ? o.count() : (int) Math.max(1, Math.round(o.count() * scale)),
                o.to())).toList();
        List<GeneratedQuest.Prize> prizes = t.rewards().stream().map(r -> new GeneratedQuest.Prize(r.id(), r.currency(), r.amount(), r.item(), r.count(),
                r.command())).toList();
        return new GeneratedQuest(version, t.quest().id(), t.quest().name(), t.quest().difficulty(), board.label(), goals, prizes);
    }

    /** One 64-bit seed from the network's seed, the player, the board and the period (SplitMix64's finaliser). */
    private static long mix(long seed, UUID player, int board, long period) {
        long h = seed;
        for (long v : new long[] {player.getMostSignificantBits(), player.getLeastSignificantBits(), board, period}) {
            h += v + 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
