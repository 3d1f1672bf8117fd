package dev.veltrix.progression.quests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Quest content as files, YAML or JSON, for operators to keep in version control:
 * <pre>
 * levelCap: 100
 * budgets: {1: 100, 2: 250, 3: 500, 4: 1000, 5: 2500}
 * boards: {daily: 3, weekly: 2, repeatWindowDays: 7, seed: 0}
 * nodes:
 *   - {id: wolf, type: mob, name: Wolf}
 *   - {id: wolf-hunt, type: quest, name: Wolf hunt, difficulty: 2, level: 3}
 *   - {id: kill-wolves, type: objective, kind: kill, target: wolf, count: 10}
 *   - {id: hunt-pay, type: reward, currency: coins, amount: 200}
 * edges:
 *   - {from: wolf-hunt, type: has, to: kill-wolves}
 *   - {from: wolf-hunt, type: rewards, to: hunt-pay}
 * </pre>
 * Reading lists every problem of the file with where it is; a file with any gives no content. Writing then reading
 * gives the same content.
 */
public final class ContentFormat {
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");
    public static final Set<String> BOARDS = Set.of("daily", "weekly", "any");
    private static final Set<String> TOP = Set.of("levelCap", "budgets", "boards", "nodes", "edges");
    private static final Set<String> BOARD_FIELDS = Set.of("daily", "weekly", "repeatWindowDays", "seed");
    // Every string quoted: an id such as 0b0 or yes, written bare, would read back as a number or a boolean. The
    // parser's 3 MB default is below a large network's content (55,000 nodes make about 6 MB).
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(loaderOptions())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentFormat() {
    }

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        return options;
    }

    /** What reading a file gave: the content, or (content null) every problem found. */
    public record Read(QuestContent content, List<ContentProblem> problems) {
    }

    /** Reads YAML or JSON text (JSON is read as the YAML it also is). */
    public static Read read(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "file" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new Read(null, List.of(new ContentProblem("file", null, where + ": not YAML or JSON: " + e.getOriginalMessage())));
        }
        return read(root);
    }

    public static Read read(JsonNode root) {
        List<ContentProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new Read(null, List.of(new ContentProblem("file", null, "a file with nodes and edges, such as {nodes: [...], edges: [...]}")));
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP.contains(name)) {
                problems.add(new ContentProblem(name, null, "unknown field; a content file has " + TOP));
            }
        });
        int levelCap = root.has("levelCap") ? whole(root.get("levelCap"), "levelCap", null, 1, 10_000, problems) : QuestContent.DEFAULT_LEVEL_CAP;
        SortedMap<Integer, Long> budgets = budgets(root.get("budgets"), problems);
        BoardRules boards = boards(root.get("boards"), problems);
        List<ContentNode> nodes = new ArrayList<>();
        JsonNode list = root.path("nodes");
        if (!list.isMissingNode() && !list.isArray()) {
            problems.add(new ContentProblem("nodes", null, "a list of nodes"));
        }
        for (int i = 0; i < list.size(); i++) {
            ContentNode node = node(list.get(i), "nodes[" + i + "]", problems);
            if (node != null) {
                nodes.add(node);
            }
        }
        List<Edge> edges = new ArrayList<>();
        JsonNode edgeList = root.path("edges");
        if (!edgeList.isMissingNode() && !edgeList.isArray()) {
            problems.add(new ContentProblem("edges", null, "a list of edges"));
        }
        for (int i = 0; i < edgeList.size(); i++) {
            Edge edge = edge(edgeList.get(i), "edges[" + i + "]", problems);
            if (edge != null) {
                edges.add(edge);
            }
        }
        return problems.isEmpty() ? new Read(new QuestContent(nodes, edges, budgets, levelCap, boards), List.of()) : new Read(null, problems);
    }

    private static SortedMap<Integer, Long> budgets(JsonNode node, List<ContentProblem> problems) {
        if (node == null) {
            return QuestContent.DEFAULT_BUDGETS;
        }
        SortedMap<Integer, Long> budgets = new TreeMap<>();
        if (!node.isObject()) {
            problems.add(new ContentProblem("budgets", null, "the reward budget of each difficulty, such as {1: 100, 2: 250}"));
            return budgets;
        }
        node.properties().forEach(e -> {
            Integer difficulty = e.getKey().matches("[1-5]") ? Integer.valueOf(e.getKey()) : null;
            if (difficulty == null) {
                problems.add(new ContentProblem("budgets." + e.getKey(), null, "difficulties are 1..5"));
            } else {
                budgets.put(difficulty, (long) whole(e.getValue(), "budgets." + e.getKey(), null, 0, Integer.MAX_VALUE, problems));
            }
        });
        for (int d = 1; d <= 5; d++) {
            if (!budgets.containsKey(d) && problems.stream().noneMatch(p -> p.where().startsWith("budgets"))) {
                problems.add(new ContentProblem("budgets", null, "give the budget of every difficulty 1..5; " + d + " is missing"));
                break;
            }
        }
        return budgets;
    }

    private static BoardRules boards(JsonNode node, List<ContentProblem> problems) {
        if (node == null) {
            return BoardRules.DEFAULTS;
        }
        if (!node.isObject()) {
            problems.add(new ContentProblem("boards", null, "how boards are filled, such as {daily: 3, weekly: 2, repeatWindowDays: 7, seed: 0}"));
            return BoardRules.DEFAULTS;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!BOARD_FIELDS.contains(name)) {
                problems.add(new ContentProblem("boards." + name, null, "unknown field; boards take " + BOARD_FIELDS));
            }
        });
        BoardRules d = BoardRules.DEFAULTS;
        JsonNode seed = node.get("seed");
        if (seed != null && !seed.canConvertToLong()) {
            problems.add(new ContentProblem("boards.seed", null, "a whole number"));
        }
        return new BoardRules(or(node, "daily", d.dailyBoard(), "boards", null, 0, 50, problems),
                or(node, "weekly", d.weeklyBoard(), "boards", null, 0, 50, problems),
                or(node, "repeatWindowDays", d.repeatWindowDays(), "boards", null, 1, 3_650, problems),
                seed == null || !seed.canConvertToLong() ? d.seed() : seed.asLong());
    }

    private static ContentNode node(JsonNode n, String at, List<ContentProblem> problems) {
        if (!n.isObject()) {
            problems.add(new ContentProblem(at, null, "a node: {id: ..., type: ..., ...}"));
            return null;
        }
        String id = n.path("id").asText("");
        String nodeId = ID.matcher(id).matches() ? id : null;
        if (nodeId == null) {
            problems.add(new ContentProblem(at + ".id", null, "an id of 1..64 lower-case letters, digits and _ . : -, got \"" + id + "\""));
        }
        NodeType type = NodeType.of(n.path("type").asText(""));
        if (type == null) {
            problems.add(new ContentProblem(at + ".type", nodeId, "unknown node type \"" + n.path("type").asText("") + "\"; one of "
                    + java.util.Arrays.stream(NodeType.values()).map(NodeType::label).toList()));
            return null;
        }
        for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("id") && !name.equals("type") && !type.fields().contains(name)) {
                problems.add(new ContentProblem(at + "." + name, nodeId, "unknown field; a " + type.label() + " takes id, type, "
                        + String.join(", ", type.fields())));
            }
        }
        int before = problems.size();
        ContentNode node = switch (type) {
            case MOB -> new ContentNode.Mob(id, name(n, at, nodeId, problems));
            case ITEM -> new ContentNode.Item(id, name(n, at, nodeId, problems), or(n, "value", 0, at, nodeId, 0, 1_000_000_000, problems));
            case REGION -> new ContentNode.Region(id, name(n, at, nodeId, problems), or(n, "level", 1, at, nodeId, 1, 10_000, problems));
            case NPC -> new ContentNode.Npc(id, name(n, at, nodeId, problems));
            case QUEST -> quest(n, id, at, nodeId, problems);
            case OBJECTIVE -> objective(n, id, at, nodeId, problems);
            case REWARD -> reward(n, id, at, nodeId, problems);
        };
        return problems.size() == before ? node : null;
    }

    private static ContentNode.Quest quest(JsonNode n, String id, String at, String nodeId, List<ContentProblem> problems) {
        String board = n.path("board").asText("any");
        if (!BOARDS.contains(board)) {
            problems.add(new ContentProblem(at + ".board", nodeId, "daily, weekly or any, got \"" + board + "\""));
        }
        JsonNode repeatable = n.path("repeatable");
        if (!repeatable.isMissingNode() && !repeatable.isBoolean()) {
            problems.add(new ContentProblem(at + ".repeatable", nodeId, "true or false"));
        }
        return new ContentNode.Quest(id, name(n, at, nodeId, problems), or(n, "difficulty", 1, at, nodeId, 1, 5, problems),
                or(n, "level", 1, at, nodeId, 1, 10_000, problems), or(n, "weight", 10, at, nodeId, 1, 1_000_000, problems),
                repeatable.asBoolean(false), board);
    }

    private static ContentNode.Objective objective(JsonNode n, String id, String at, String nodeId, List<ContentProblem> problems) {
        ObjectiveKind kind = ObjectiveKind.of(n.path("kind").asText(""));
        if (kind == null) {
            problems.add(new ContentProblem(at + ".kind", nodeId, "what to do: one of "
                    + java.util.Arrays.stream(ObjectiveKind.values()).map(ObjectiveKind::label).toList()));
        }
        String target = n.path("target").asText("");
        if (target.isEmpty()) {
            problems.add(new ContentProblem(at + ".target", nodeId, "the id of the " + (kind == null ? "node" : kind.target().label())
                    + " the objective is about"));
        }
        String to = n.hasNonNull("to") ? n.get("to").asText() : null;
        if (kind == ObjectiveKind.DELIVER && to == null) {
            problems.add(new ContentProblem(at + ".to", nodeId, "the NPC a delivery goes to"));
        } else if (kind != ObjectiveKind.DELIVER && to != null) {
            problems.add(new ContentProblem(at + ".to", nodeId, "only a deliver objective goes to an NPC"));
        }
        return new ContentNode.Objective(id, kind, target, or(n, "count", 1, at, nodeId, 1, 10_000, problems), to);
    }

    private static ContentNode.Reward reward(JsonNode n, String id, String at, String nodeId, List<ContentProblem> problems) {
        String currency = n.hasNonNull("currency") ? n.get("currency").asText() : null;
        String item = n.hasNonNull("item") ? n.get("item").asText() : null;
        String command = n.hasNonNull("command") ? n.get("command").asText() : null;
        if ((currency != null ? 1 : 0) + (item != null ? 1 : 0) + (command != null ? 1 : 0) != 1) {
            problems.add(new ContentProblem(at, nodeId, "a reward is one of: currency and amount, item and count, or a command"));
        }
        long amount = currency == null ? 0 : whole(n.get("amount"), at + ".amount", nodeId, 1, Integer.MAX_VALUE, problems);
        int count = item == null ? 0 : or(n, "count", 1, at, nodeId, 1, 10_000, problems);
        if (command != null && (command.isBlank() || command.length() > 400 || command.chars().anyMatch(c -> c < 0x20))) {
            problems.add(new ContentProblem(at + ".command", nodeId, "a console command of 1..400 characters on one line, such as \"give {player} diamond 1\""));
        }
        return new ContentNode.Reward(id, currency, amount, item, count, command);
    }

    private static Edge edge(JsonNode e, String at, List<ContentProblem> problems) {
        if (!e.isObject()) {
            problems.add(new ContentProblem(at, null, "an edge: {from: ..., type: ..., to: ...}"));
            return null;
        }
        int before = problems.size();
        for (Iterator<String> names = e.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("from", "type", "to").contains(name)) {
                problems.add(new ContentProblem(at + "." + name, null, "unknown field; an edge takes from, type and to"));
            }
        }
        EdgeType type = EdgeType.of(e.path("type").asText(""));
        if (type == null) {
            problems.add(new ContentProblem(at + ".type", null, "unknown edge type \"" + e.path("type").asText("") + "\"; one of " + EdgeType.labels()));
        }
        String from = e.path("from").asText("");
        String to = e.path("to").asText("");
        if (from.isEmpty() || to.isEmpty()) {
            problems.add(new ContentProblem(at, null, "an edge names the node it goes from and the node it goes to"));
        }
        return problems.size() == before ? new Edge(from, type, to) : null;
    }

    private static String name(JsonNode n, String at, String nodeId, List<ContentProblem> problems) {
        String name = n.path("name").asText("");
        if (name.isBlank() || name.length() > 80) {
            problems.add(new ContentProblem(at + ".name", nodeId, "a name of 1..80 characters"));
        }
        return name;
    }

    private static int or(JsonNode n, String field, int fallback, String at, String nodeId, int min, int max, List<ContentProblem> problems) {
        return n.has(field) ? whole(n.get(field), at + "." + field, nodeId, min, max, problems) : fallback;
    }

    private static int whole(JsonNode value, String at, String nodeId, int min, int max, List<ContentProblem> problems) {
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            problems.add(new ContentProblem(at, nodeId, "a whole number " + min + ".." + max + (value == null ? "" : ", got " + value)));
            return min;
        }
        return value.asInt();
    }

    /** The content as YAML. */
    public static String yaml(QuestContent content) {
        return write(YAML, content);
    }

    /** The content as JSON. */
    public static String json(QuestContent content) {
        return write(JSON, content);
    }

    private static String write(ObjectMapper mapper, QuestContent content) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("quest content failed to serialise", e);
        }
    }

    public static ObjectNode tree(QuestContent content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("levelCap", content.levelCap());
        ObjectNode budgets = root.putObject("budgets");
        content.budgets().forEach((d, b) -> budgets.put(Integer.toString(d), b));
        root.putObject("boards").put("daily", content.boards().dailyBoard()).put("weekly", content.boards().weeklyBoard())
                .put("repeatWindowDays", content.boards().repeatWindowDays()).put("seed", content.boards().seed());
        ArrayNode nodes = root.putArray("nodes");
        for (ContentNode node : content.nodes()) {
            nodes.add(node(node));
        }
        ArrayNode edges = root.putArray("edges");
        for (Edge e : content.edges()) {
            edges.addObject().put("from", e.from()).put("type", e.type().label()).put("to", e.to());
        }
        return root;
    }

    public static ObjectNode node(ContentNode node) {
        ObjectNode n = JSON.createObjectNode().put("id", node.id()).put("type", node.type().label());
        switch (node) {
            case ContentNode.Mob m -> n.put("name", m.name());
            case ContentNode.Item i -> n.put("name", i.name()).put("value", i.value());
            case ContentNode.Region r -> n.put("name", r.name()).put("level", r.level());
            case ContentNode.Npc p -> n.put("name", p.name());
            case ContentNode.Quest q -> n.put("name", q.name()).put("difficulty", q.difficulty()).put("level", q.level()).put("weight", q.weight())
                    .put("repeatable", q.repeatable()).put("board", q.board());
            case ContentNode.Objective o -> {
                n.put("kind", o.kind().label()).put("target", o.target()).put("count", o.count());
                if (o.to() != null) {
                    n.put("to", o.to());
                }
            }
            case ContentNode.Reward r -> {
                if (r.currency() != null) {
                    n.put("currency", r.currency()).put("amount", r.amount());
                } else if (r.item() != null) {
                    n.put("item", r.item()).put("count", r.count());
                } else {
                    n.put("command", r.command());
                }
            }
        }
        return n;
    }
}
