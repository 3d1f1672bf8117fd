package dev.veltrix.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Players' quests: their daily and weekly boards and their quest log. Progress comes from the game events the server
 * sends ({@code mob.killed}, {@code block.mined}, {@code item.collected}, {@code item.crafted}, {@code region.entered},
 * {@code npc.talked}, {@code item.delivered}, with the target in their data); the key needs the {@code quests} scope.
 */
public final class Quests {
    private final HttpTransport transport;

    Quests(HttpTransport transport) {
        this.transport = transport;
    }

    /** One objective: what to do to which target, how many times, how many done. */
    public record Objective(String kind, String target, int count, int done, String to) {
    }

    /** A quest the player has, with its objectives and state (active, completed or expired). */
    public record Quest(String id, String quest, String name, String board, String state, List<Objective> objectives) {
        public boolean completed() {
            return "completed".equals(state);
        }
    }

    /**
     * The player's board ({@code daily} or {@code weekly}) for today, made the first time it is asked for from their
     * level and region, and the same board after that.
     */
    public List<Quest> board(UUID player, int level, String region, String board) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", level);
        body.put("region", region);
        body.put("board", board);
        return quests(transport.post("/api/v1/quests/players/" + player + "/board", body, null));
    }

    /** The player's quests, the newest first. */
    public List<Quest> log(UUID player) {
        return quests(transport.get("/api/v1/quests/players/" + player));
    }

    @SuppressWarnings("unchecked")
    private static List<Quest> quests(Map<String, Object> json) {
        List<Quest> out = new ArrayList<>();
        for (Object item : (List<Object>) json.get("items")) {
            Map<String, Object> a = (Map<String, Object>) item;
            Map<String, Object> q = (Map<String, Object>) a.get("quest");
            List<Object> goals = (List<Object>) q.get("goals");
            List<Object> progress = (List<Object>) a.get("progress");
            List<Objective> objectives = new ArrayList<>();
            for (int i = 0; i < goals.size(); i++) {
                Map<String, Object> g = (Map<String, Object>) goals.get(i);
                objectives.add(new Objective(String.valueOf(g.get("kind")).toLowerCase(java.util.Locale.ROOT), (String) g.get("target"),
                        ((Number) g.get("count")).intValue(), ((Number) progress.get(i)).intValue(), (String) g.get("to")));
            }
            out.add(new Quest((String) a.get("id"), (String) q.get("quest"), (String) q.get("name"), (String) a.get("board"), (String) a.get("state"),
                    objectives));
        }
        return out;
    }
}
