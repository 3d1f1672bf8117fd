package dev.veltrix.server.web;

import static dev.veltrix.server.web.ConsoleRoutes.session;
import static dev.veltrix.server.web.Web.params;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.progression.quests.ContentFormat;
import dev.veltrix.progression.quests.ContentNode;
import dev.veltrix.progression.quests.ContentProblem;
import dev.veltrix.progression.quests.Edge;
import dev.veltrix.progression.quests.EdgeType;
import dev.veltrix.progression.quests.GeneratedQuest;
import dev.veltrix.progression.quests.PlayerContext;
import dev.veltrix.progression.quests.QuestContent;
import dev.veltrix.progression.quests.QuestGenerator;
import dev.veltrix.progression.quests.QuestLibrary;
import dev.veltrix.progression.quests.QuestLog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The console's quest editor: the content graph drawn with Cytoscape.js, forms to change a node or an edge, a file
 * import, publishing, and a preview of what the generator offers a sample player. Every change is a new draft,
 * checked as a whole first; a refused change is drawn with its problems on the nodes they concern, and the draft
 * stays as it was.
 */
public final class QuestPages {
    /** Beyond this many nodes the graph shows one node's neighbourhood, not everything. */
    static final int DRAWN_MAX = 1_500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Web web;
    private final QuestLibrary library;
    private final QuestLog log;

    public QuestPages(Web web, QuestLibrary library, QuestLog log) {
        this.web = web;
        this.library = library;
        this.log = log;
    }

    public void registerConsole(RoutesConfig routes) {
        routes.get("/console/quests", ctx -> page(ctx, working(), List.of(), null, List.of()));
        routes.get("/console/quests/export", ctx -> ctx.contentType("application/yaml")
                .header("Content-Disposition", "attachment; filename=\"quests.yaml\"").result(ContentFormat.yaml(working())));
        routes.post("/console/quests/nodes", ctx -> change(ctx, this::withNode));
        routes.post("/console/quests/nodes/delete", ctx -> change(ctx, this::withoutNode));
        routes.post("/console/quests/edges", ctx -> change(ctx, this::withEdge));
        routes.post("/console/quests/edges/delete", ctx -> change(ctx, this::withoutEdge));
        routes.post("/console/quests/import", ctx -> change(ctx, c -> dev.veltrix.server.api.quests.QuestsApi.content(FormRows.text(ctx, "file"))));
        routes.post("/console/quests/publish", ctx -> {
            Web.checkCsrf(ctx, session(ctx).csrfToken());
            try {
                library.publish(ConsoleRoutes.admin(ctx).username());
                ctx.redirect("/console/quests?notice=published", HttpStatus.SEE_OTHER);
            } catch (VeltrixException e) {
                refused(ctx, working(), e);
            }
        });
        routes.post("/console/quests/preview", this::preview);
    }

    /** The content being edited: the draft, else the live version, else nothing yet. */
    private QuestContent working() {
        return library.draftVersion().or(library::publishedVersion).map(library::content).orElse(QuestContent.empty());
    }

    private void page(Context ctx, QuestContent content, List<ContentProblem> problems, String error, List<GeneratedQuest> preview) {
        String focus = ctx.queryParam("focus") != null ? ctx.queryParam("focus") : ctx.formParam("id");
        web.render(ctx, "console/quests.jte", params("csrf", session(ctx).csrfToken(), "versions", library.versions(),
                "graph", graph(content, problems, focus).toString(), "nodes", content.nodes().size(), "edges", content.edges().size(),
                "problems", problems, "error", error, "notice", ctx.queryParam("notice"), "preview", preview,
                "edgeTypes", EdgeType.labels()));
    }

    /** A change to the working content, saved as the draft if the result has no problem; else shown with them. */
    private void change(Context ctx, java.util.function.Function<Context, QuestContent> change) {
        Web.checkCsrf(ctx, session(ctx).csrfToken());
        QuestContent proposed;
        try {
            proposed = change.apply(ctx);
        } catch (InvalidInputException e) {
            refused(ctx, working(), e);
            return;
        }
        try {
            library.saveDraft(proposed, ConsoleRoutes.admin(ctx).username());
            String focus = ctx.formParam("id") != null ? ctx.formParam("id") : ctx.formParam("from");
            ctx.redirect("/console/quests?notice=saved" + (focus == null ? "" : "&focus=" + java.net.URLEncoder.encode(focus,
                    java.nio.charset.StandardCharsets.UTF_8)), HttpStatus.SEE_OTHER);
        } catch (VeltrixException e) {
            refused(ctx, proposed, e);
        }
    }

    private void refused(Context ctx, QuestContent shown, VeltrixException e) {
        List<ContentProblem> problems = new ArrayList<>();
        if (e instanceof InvalidInputException invalid) {
            for (FieldError f : invalid.errors()) {
                String node = nodeOf(shown, f.field());
                // The API's form of a problem leads with its node; here the node is shown apart.
                String message = node != null && f.message().startsWith(node + ": ") ? f.message().substring(node.length() + 2) : f.message();
                problems.add(new ContentProblem(f.field(), node, message));
            }
        }
        ctx.status(e instanceof InvalidInputException ? 400 : 409);
        page(ctx, shown, problems, "Not saved: " + e.getMessage() + ". The draft is as it was; the change is drawn below with its problems.",
                List.of());
    }

    /** The node a problem's place names ("nodes[3].target" is the fourth node; an edge's is where it starts). */
    private static String nodeOf(QuestContent content, String where) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(nodes|edges)\\[(\\d+)]").matcher(where);
        if (!m.find()) {
            return null;
        }
        int i = Integer.parseInt(m.group(2));
        if (m.group(1).equals("nodes")) {
            return i < content.nodes().size() ? content.nodes().get(i).id() : null;
        }
        return i < content.edges().size() ? content.edges().get(i).from() : null;
    }

    private QuestContent withNode(Context ctx) {
        ObjectNode node = JSON.createObjectNode();
        for (String field : List.of("id", "type", "name", "value", "level", "difficulty", "weight", "repeatable", "board", "kind", "target", "count",
                "to", "currency", "amount", "item", "command")) {
            String value = FormRows.text(ctx, field);
            if (value.isEmpty()) {
                continue;
            }
            if (value.matches("-?\\d{1,18}")) {
                node.put(field, Long.parseLong(value));
            } else if (value.equals("true") || value.equals("false")) {
                node.put(field, Boolean.parseBoolean(value));
            } else {
                node.put(field, value);
            }
        }
        // The fields a node of this type does not take were left over from the form; they are not the operator's.
        dev.veltrix.progression.quests.NodeType type = dev.veltrix.progression.quests.NodeType.of(node.path("type").asText(""));
        if (type != null) {
            node.retain(new ArrayList<>(java.util.stream.Stream.concat(java.util.stream.Stream.of("id", "type"), type.fields().stream()).toList()));
        }
        ObjectNode root = ContentFormat.tree(working());
        ArrayNode nodes = (ArrayNode) root.get("nodes");
        boolean replaced = false;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).path("id").asText().equals(node.path("id").asText())) {
                nodes.set(i, node);
                replaced = true;
            }
        }
        if (!replaced) {
            nodes.add(node);
        }
        return read(root);
    }

    private QuestContent withoutNode(Context ctx) {
        String id = FormRows.text(ctx, "id");
        QuestContent c = working();
        return new QuestContent(c.nodes().stream().filter(n -> !n.id().equals(id)).toList(),
                c.edges().stream().filter(e -> !e.from().equals(id) && !e.to().equals(id)).toList(), c.budgets(), c.levelCap(), c.boards());
    }

    private QuestContent withEdge(Context ctx) {
        ObjectNode root = ContentFormat.tree(working());
        ((ArrayNode) root.get("edges")).addObject().put("from", FormRows.text(ctx, "from")).put("type", FormRows.text(ctx, "type"))
                .put("to", FormRows.text(ctx, "to"));
        return read(root);
    }

    private QuestContent withoutEdge(Context ctx) {
        QuestContent c = working();
        Edge gone = new Edge(FormRows.text(ctx, "from"), EdgeType.of(FormRows.text(ctx, "type")), FormRows.text(ctx, "to"));
        return new QuestContent(c.nodes(), c.edges().stream().filter(e -> !e.equals(gone)).toList(), c.budgets(), c.levelCap(), c.boards());
    }

    /** The content after a change, or a 400 with what the form got wrong (an unknown type, a bad number). */
    private static QuestContent read(ObjectNode root) {
        ContentFormat.Read read = ContentFormat.read(root);
        if (read.content() == null) {
            throw new InvalidInputException("the change does not read as quest content",
                    read.problems().stream().map(ContentProblem::asFieldError).toList());
        }
        return read.content();
    }

    private void preview(Context ctx) {
        Web.checkCsrf(ctx, session(ctx).csrfToken());
        var version = library.draftVersion().or(library::publishedVersion);
        if (version.isEmpty()) {
            page(ctx, working(), List.of(), "Nothing to preview: import or add content first.", List.of());
            return;
        }
        Map<String, LocalDate> completed = new HashMap<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String quest : FormRows.text(ctx, "completed").split("[,\\s]+")) {
            if (!quest.isBlank()) {
                completed.put(quest, today.minusDays(30));
            }
        }
        int level;
        try {
            level = Math.max(1, Integer.parseInt(FormRows.text(ctx, "level")));
        } catch (NumberFormatException e) {
            level = 1;
        }
        QuestGenerator.Board board = "weekly".equals(ctx.formParam("board")) ? QuestGenerator.Board.WEEKLY : QuestGenerator.Board.DAILY;
        PlayerContext player = new PlayerContext(new UUID(0, FormRows.text(ctx, "player").hashCode()), level, FormRows.text(ctx, "region"),
                completed, new HashSet<>());
        page(ctx, working(), List.of(), null, log.generator(version.get()).board(player, board, today));
    }

    /**
     * The graph for Cytoscape.js: each node with its label, type, fields (to fill the form) and problems; each edge with
     * its type. A large graph is drawn around the focused node (two steps out), or its quests alone.
     */
    static ObjectNode graph(QuestContent content, List<ContentProblem> problems, String focus) {
        Map<String, List<String>> problemsByNode = new HashMap<>();
        problems.stream().filter(p -> p.node() != null).forEach(p -> problemsByNode.computeIfAbsent(p.node(), k -> new ArrayList<>())
                .add(p.where() + ": " + p.message()));
        Set<String> drawn = drawn(content, focus, problemsByNode.keySet());
        ObjectNode graph = JSON.createObjectNode();
        graph.put("total", content.nodes().size());
        graph.put("focus", focus);
        ArrayNode nodes = graph.putArray("nodes");
        for (ContentNode n : content.nodes()) {
            if (drawn != null && !drawn.contains(n.id())) {
                continue;
            }
            ObjectNode fields = ContentFormat.node(n);
            ObjectNode data = nodes.addObject().putObject("data");
            data.put("id", n.id()).put("type", n.type().label()).put("label", fields.has("name") ? fields.get("name").asText() : n.id());
            data.set("fields", fields);
            if (problemsByNode.containsKey(n.id())) {
                data.put("problem", String.join("\n", problemsByNode.get(n.id())));
            }
        }
        ArrayNode edges = graph.putArray("edges");
        for (int i = 0; i < content.edges().size(); i++) {
            Edge e = content.edges().get(i);
            if (drawn != null && (!drawn.contains(e.from()) || !drawn.contains(e.to()))) {
                continue;
            }
            edges.addObject().putObject("data").put("id", "e" + i).put("source", e.from()).put("target", e.to()).put("type", e.type().label());
        }
        return graph;
    }

    /** Which nodes to draw: all of a small graph (null); of a large one, the focus and two steps around it, and nodes with problems. */
    private static Set<String> drawn(QuestContent content, String focus, Set<String> withProblems) {
        if (content.nodes().size() <= DRAWN_MAX) {
            return null;
        }
        Set<String> drawn = new HashSet<>(withProblems);
        if (focus == null || focus.isBlank()) {
            content.nodes().stream().filter(n -> n instanceof ContentNode.Quest).limit(DRAWN_MAX / 3).forEach(n -> drawn.add(n.id()));
            return drawn;
        }
        Set<String> ring = new HashSet<>(Set.of(focus));
        for (int step = 0; step < 2; step++) {
            Set<String> next = new HashSet<>();
            for (Edge e : content.edges()) {
                if (ring.contains(e.from())) {
                    next.add(e.to());
                }
                if (ring.contains(e.to())) {
                    next.add(e.from());
                }
            }
            drawn.addAll(ring);
            ring = next;
        }
        drawn.addAll(ring);
        return drawn;
    }
}
