package dev.veltrix.progression.quests;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks quest content as a whole before it can be saved or go live, listing every problem with where it is and how
 * to fix it: ids used twice, edges to nothing or between the wrong kinds of node, objectives naming what does not
 * exist (or the wrong kind of thing), quests without objectives, prerequisite cycles, quests no player can ever reach,
 * rewards in unknown currencies or worth more than the quest's difficulty allows. Linear in nodes and edges.
 */
public final class ContentValidator {
    private final Predicate<String> currencyExists;

    public ContentValidator(Predicate<String> currencyExists) {
        this.currencyExists = currencyExists;
    }

    public List<ContentProblem> validate(QuestContent content) {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<ContentNode> nodes = content.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Integer earlier = index.putIfAbsent(nodes.get(i).id(), i);
            if (earlier != null) {
                problems.add(new ContentProblem("nodes[" + i + "].id", nodes.get(i).id(), "the id is also nodes[" + earlier + "]'s; ids are unique"));
            }
        }
        Graph graph = edges(content, index, problems);
        for (int i = 0; i < nodes.size(); i++) {
            switch (nodes.get(i)) {
                case ContentNode.Objective o -> objective(o, i, nodes, index, graph, problems);
                case ContentNode.Quest q -> quest(q, i, content, index, graph, problems);
                case ContentNode.Reward r -> reward(r, i, nodes, index, problems);
                default -> {
                    // mobs, items, regions and NPCs stand alone
                }
            }
        }
        Set<String> inCycles = cycles(content, graph, problems);
        unreachable(content, index, graph, inCycles, problems);
        return problems;
    }

    /** The edges by kind, for the checks that follow them. */
    private record Graph(Map<String, List<String>> objectives, Map<String, List<String>> rewards, Map<String, List<String>> requiredQuests,
                         Map<String, List<String>> requiredRegions, Map<String, Integer> owners, Map<String, Integer> firstRequires) {
    }

    private static Graph edges(QuestContent content, Map<String, Integer> index, List<ContentProblem> problems) {
        Graph g = new Graph(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        List<Edge> edges = content.edges();
        for (int i = 0; i < edges.size(); i++) {
            Edge e = edges.get(i);
            String at = "edges[" + i + "]";
            ContentNode from = node(content, index, e.from());
            ContentNode to = node(content, index, e.to());
            if (from == null) {
                problems.add(new ContentProblem(at + ".from", null, "no node " + e.from() + "; add it or remove the edge"));
            }
            if (to == null) {
                problems.add(new ContentProblem(at + ".to", e.from(), "no node " + e.to() + "; add it or remove the edge"));
            }
            if (from == null || to == null) {
                continue;
            }
            if (!e.type().from().contains(from.type()) || !e.type().to().contains(to.type())) {
                problems.add(new ContentProblem(at + ".type", e.from(), "a " + e.type().label() + " edge goes from a " + labels(e.type().from())
                        + " to a " + labels(e.type().to()) + ", not from a " + from.type().label() + " to a " + to.type().label()));
                continue;
            }
            switch (e.type()) {
                case HAS -> {
                    g.objectives().computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
                    g.owners().merge(e.to(), 1, Integer::sum);
                }
                case REWARDS -> g.rewards().computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
                case REQUIRES -> {
                    var target = to.type() == NodeType.QUEST ? g.requiredQuests() : g.requiredRegions();
                    target.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
                    g.firstRequires().putIfAbsent(e.from() + ">" + e.to(), i);
                }
                default -> {
                    // unlocks, located-in and follow-up join the graph without rules of their own
                }
            }
        }
        return g;
    }

    private static void objective(ContentNode.Objective o, int i, List<ContentNode> nodes, Map<String, Integer> index, Graph graph,
                                  List<ContentProblem> problems) {
        String at = "nodes[" + i + "]";
        ContentNode target = index.containsKey(o.target()) ? nodes.get(index.get(o.target())) : null;
        if (target == null) {
            problems.add(new ContentProblem(at + ".target", o.id(), "no " + o.kind().target().label() + " " + o.target() + "; add it or name one that exists"));
        } else if (target.type() != o.kind().target()) {
            problems.add(new ContentProblem(at + ".target", o.id(), o.target() + " is a " + target.type().label() + "; a " + o.kind().label()
                    + " objective names a " + o.kind().target().label()));
        }
        if (o.to() != null) {
            ContentNode to = index.containsKey(o.to()) ? nodes.get(index.get(o.to())) : null;
            if (to == null || to.type() != NodeType.NPC) {
                problems.add(new ContentProblem(at + ".to", o.id(), "no NPC " + o.to() + " to deliver to"));
            }
        }
        if (!graph.owners().containsKey(o.id())) {
            problems.add(new ContentProblem(at, o.id(), "the objective belongs to no quest; add a has edge from its quest, or remove it"));
        }
    }

    private void quest(ContentNode.Quest q, int i, QuestContent content, Map<String, Integer> index, Graph graph, List<ContentProblem> problems) {
        String at = "nodes[" + i + "]";
        if (graph.objectives().getOrDefault(q.id(), List.of()).isEmpty()) {
            problems.add(new ContentProblem(at, q.id(), "the quest has no objective; add a has edge to one"));
        }
        long value = 0;
        for (String rewardId : graph.rewards().getOrDefault(q.id(), List.of())) {
            if (node(content, index, rewardId) instanceof ContentNode.Reward r) {
                value += r.currency() != null ? r.amount()
                        : r.item() != null && node(content, index, r.item()) instanceof ContentNode.Item item ? item.value() * r.count() : 0;
            }
        }
        Long budget = content.budgets().get(q.difficulty());
        if (budget != null && value > budget) {
            problems.add(new ContentProblem(at, q.id(), "its rewards are worth " + value + ", over the budget of difficulty " + q.difficulty()
                    + " (" + budget + "); give less or raise the difficulty"));
        }
    }

    private void reward(ContentNode.Reward r, int i, List<ContentNode> nodes, Map<String, Integer> index, List<ContentProblem> problems) {
        String at = "nodes[" + i + "]";
        if (r.currency() != null && !currencyExists.test(r.currency())) {
            problems.add(new ContentProblem(at + ".currency", r.id(), "no currency " + r.currency() + "; create it in the ledger first"));
        }
        if (r.item() != null && (!index.containsKey(r.item()) || nodes.get(index.get(r.item())).type() != NodeType.ITEM)) {
            problems.add(new ContentProblem(at + ".item", r.id(), "no item " + r.item() + "; add it or name one that exists"));
        }
    }

    /** Prerequisite cycles among quests (Tarjan's components, without recursion); returns the quests caught in one. */
    private static Set<String> cycles(QuestContent content, Graph graph, List<ContentProblem> problems) {
        Map<String, Integer> order = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        Set<String> caught = new HashSet<>();
        int[] counter = {0};
        for (ContentNode n : content.nodes()) {
            if (n.type() != NodeType.QUEST || order.containsKey(n.id())) {
                continue;
            }
            // Each frame: a quest and how many of its requirements were visited.
            Deque<Object[]> frames = new ArrayDeque<>();
            frames.push(new Object[] {n.id(), 0});
            order.put(n.id(), counter[0]);
            low.put(n.id(), counter[0]++);
            stack.push(n.id());
            onStack.add(n.id());
            while (!frames.isEmpty()) {
                Object[] frame = frames.peek();
                String quest = (String) frame[0];
                List<String> next = graph.requiredQuests().getOrDefault(quest, List.of());
                int at = (int) frame[1];
                if (at < next.size()) {
                    frame[1] = at + 1;
                    String w = next.get(at);
                    if (!order.containsKey(w)) {
                        order.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        frames.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(quest, Math.min(low.get(quest), order.get(w)));
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    String parent = (String) frames.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(quest)));
                }
                if (low.get(quest).equals(order.get(quest))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(quest));
                    boolean selfLoop = component.size() == 1 && graph.requiredQuests().getOrDefault(quest, List.of()).contains(quest);
                    if (component.size() > 1 || selfLoop) {
                        caught.addAll(component);
                        report(component, graph, problems);
                    }
                }
            }
        }
        return caught;
    }

    private static void report(List<String> component, Graph graph, List<ContentProblem> problems) {
        // A path around the cycle, from its first quest in the file order of the component.
        Set<String> members = new HashSet<>(component);
        String start = component.getLast();
        List<String> path = new ArrayList<>(List.of(start));
        String at = start;
        Set<String> seen = new HashSet<>(Set.of(start));
        while (true) {
            String next = graph.requiredQuests().get(at).stream().filter(members::contains).findFirst().orElseThrow();
            path.add(next);
            if (!seen.add(next)) {
                break;
            }
            at = next;
        }
        int edge = graph.firstRequires().get(path.get(0) + ">" + path.get(1));
        problems.add(new ContentProblem("edges[" + edge + "]", start, "prerequisite cycle " + String.join(" requires ", path)
                + ": none of these quests can ever start; remove one of the requires edges"));
    }

    /** Quests no player can reach: above the level cap, in a region above it, or requiring a quest nobody can reach. */
    private static void unreachable(QuestContent content, Map<String, Integer> index, Graph graph, Set<String> inCycles,
                                    List<ContentProblem> problems) {
        Map<String, String> why = new HashMap<>();
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (ContentNode n : content.nodes()) {
            if (!(n instanceof ContentNode.Quest q) || inCycles.contains(q.id())) {
                continue;
            }
            if (q.level() > content.levelCap()) {
                why.put(q.id(), "its level " + q.level() + " is above the level cap " + content.levelCap());
            }
            for (String region : graph.requiredRegions().getOrDefault(q.id(), List.of())) {
                if (node(content, index, region) instanceof ContentNode.Region r && r.level() > content.levelCap()) {
                    why.putIfAbsent(q.id(), "it requires region " + r.id() + " of level " + r.level() + ", above the level cap " + content.levelCap());
                }
            }
            List<String> required = graph.requiredQuests().getOrDefault(q.id(), List.of());
            waiting.put(q.id(), required.size());
            required.forEach(r -> dependents.computeIfAbsent(r, k -> new ArrayList<>()).add(q.id()));
            if (required.isEmpty()) {
                ready.add(q.id());
            }
        }
        Set<String> reachable = new HashSet<>();
        while (!ready.isEmpty()) {
            String q = ready.poll();
            if (why.containsKey(q)) {
                continue;
            }
            reachable.add(q);
            for (String d : dependents.getOrDefault(q, List.of())) {
                if (waiting.containsKey(d) && waiting.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        for (int i = 0; i < content.nodes().size(); i++) {
            if (content.nodes().get(i) instanceof ContentNode.Quest q && !reachable.contains(q.id()) && !inCycles.contains(q.id())) {
                String reason = why.getOrDefault(q.id(), "it requires " + graph.requiredQuests().getOrDefault(q.id(), List.of()).stream()
                        .filter(r -> !reachable.contains(r)).findFirst().orElse("?") + ", which no player can reach");
                problems.add(new ContentProblem("nodes[" + i + "]", q.id(), "no player can ever reach this quest: " + reason));
            }
        }
    }

    private static ContentNode node(QuestContent content, Map<String, Integer> index, String id) {
        Integer i = index.get(id);
        return i == null ? null : content.nodes().get(i);
    }

    private static String labels(Set<NodeType> types) {
        return String.join(" or ", types.stream().map(NodeType::label).sorted().toList());
    }
}
