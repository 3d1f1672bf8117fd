package dev.veltrix.progression.quests;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.RowInserter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Quest content in SQL, versioned. A save (an import, an editor's change) is checked as a whole and, only when
 * sound, becomes the draft; publishing checks the draft again and makes it the live version in one transaction. Live
 * and earlier versions stay readable, as players keep the version they started a quest in.
 */
public final class QuestLibrary {
    static final Table<Record> VERSIONS = table(name("quest_versions"));
    static final Field<Integer> V_VERSION = field(name("version"), Integer.class);
    static final Field<String> V_STATE = field(name("state"), String.class);
    static final Field<Integer> V_CAP = field(name("level_cap"), Integer.class);
    static final Field<String> V_BUDGETS = field(name("budgets"), String.class);
    static final Field<String> V_BOARDS = field(name("boards"), String.class);
    static final Field<Integer> V_NODES = field(name("nodes"), Integer.class);
    static final Field<Integer> V_EDGES = field(name("edges"), Integer.class);
    static final Field<String> V_BY = field(name("saved_by"), String.class);
    static final Field<Long> V_AT = field(name("saved_at"), Long.class);
    static final Field<Long> V_PUBLISHED = field(name("published_at"), Long.class);
    static final Table<Record> NODES = table(name("quest_nodes"));
    static final Table<Record> EDGES = table(name("quest_edges"));
    static final Field<Integer> SEQ = field(name("seq"), Integer.class);
    static final Field<String> N_ID = field(name("id"), String.class);
    static final Field<String> TYPE = field(name("type"), String.class);
    static final Field<String> N_BODY = field(name("body"), String.class);
    static final Field<String> E_FROM = field(name("from_id"), String.class);
    static final Field<String> E_TO = field(name("to_id"), String.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Clock clock;
    private final ContentValidator validator;
    // Versions never change once saved (a draft is replaced under a new number), so they are cached by number.
    private final Map<Integer, QuestContent> cache = new ConcurrentHashMap<>();

    public QuestLibrary(Database database, Clock clock, Predicate<String> currencyExists) {
        this.database = database;
        this.clock = clock;
        this.validator = new ContentValidator(currencyExists);
    }

    /** Every problem of {@code content}; empty when it can be saved. */
    public List<ContentProblem> check(QuestContent content) {
        return validator.validate(content);
    }

    /** Makes {@code content} the draft, replacing the previous draft, if it has no problem; else nothing changes. */
    public ContentVersion saveDraft(QuestContent content, String by) {
        refuse(check(content), "the quest content was not saved");
        int version = database.inTransaction(tx -> {
            List<Integer> drafts = tx.select(V_VERSION).from(VERSIONS).where(V_STATE.eq(ContentVersion.DRAFT)).fetch(V_VERSION);
            tx.deleteFrom(NODES).where(V_VERSION.in(drafts)).execute();
            tx.deleteFrom(EDGES).where(V_VERSION.in(drafts)).execute();
            tx.deleteFrom(VERSIONS).where(V_VERSION.in(drafts)).execute();
            Integer last = tx.select(max(V_VERSION)).from(VERSIONS).fetchOne(0, Integer.class);
            int next = Math.max(last == null ? 0 : last, drafts.stream().mapToInt(Integer::intValue).max().orElse(0)) + 1;
            tx.insertInto(VERSIONS, V_VERSION, V_STATE, V_CAP, V_BUDGETS, V_BOARDS, V_NODES, V_EDGES, V_BY, V_AT)
                    .values(next, ContentVersion.DRAFT, content.levelCap(), budgets(content.budgets()),
                            ContentFormat.tree(content).get("boards").toString(), content.nodes().size(), content.edges().size(), by, clock.millis())
                    .execute();
            RowInserter nodes = new RowInserter(NODES, List.of(V_VERSION, SEQ, N_ID, TYPE, N_BODY));
            for (int i = 0; i < content.nodes().size(); i++) {
                ContentNode n = content.nodes().get(i);
                nodes.add(next, i, n.id(), n.type().label(), ContentFormat.node(n).toString());
            }
            nodes.execute(tx);
            RowInserter edges = new RowInserter(EDGES, List.of(V_VERSION, SEQ, E_FROM, TYPE, E_TO));
            for (int i = 0; i < content.edges().size(); i++) {
                Edge e = content.edges().get(i);
                edges.add(next, i, e.from(), e.type().label(), e.to());
            }
            edges.execute(tx);
            return next;
        });
        cache.put(version, content);
        return version(version);
    }

    /**
     * Publishes the draft: checked again (a currency may have gone since it was saved), then it becomes the live
     * version and the one before is retired, in one transaction.
     */
    public ContentVersion publish(String by) {
        ContentVersion draft = versions().stream().filter(v -> v.state().equals(ContentVersion.DRAFT)).findFirst()
                .orElseThrow(() -> new ConflictException("no-draft", "there is no draft to publish; save or import content first"));
        refuse(check(content(draft.version())), "the draft was not published");
        database.inTransaction(tx -> {
            tx.update(VERSIONS).set(V_STATE, ContentVersion.RETIRED).where(V_STATE.eq(ContentVersion.PUBLISHED)).execute();
            if (tx.update(VERSIONS).set(V_STATE, ContentVersion.PUBLISHED).set(V_PUBLISHED, clock.millis())
                    .where(V_VERSION.eq(draft.version()), V_STATE.eq(ContentVersion.DRAFT)).execute() == 0) {
                throw new ConflictException("draft-changed", "the draft was replaced while it was being published; publish again");
            }
            return null;
        });
        return version(draft.version());
    }

    /** The live version's number, if any was published. */
    public Optional<Integer> publishedVersion() {
        return database.dsl().select(V_VERSION).from(VERSIONS).where(V_STATE.eq(ContentVersion.PUBLISHED)).fetchOptional(V_VERSION);
    }

    public Optional<Integer> draftVersion() {
        return database.dsl().select(V_VERSION).from(VERSIONS).where(V_STATE.eq(ContentVersion.DRAFT)).fetchOptional(V_VERSION);
    }

    /** Versions, the newest first. */
    public List<ContentVersion> versions() {
        return database.dsl().selectFrom(VERSIONS).orderBy(V_VERSION.desc()).fetch(QuestLibrary::read);
    }

    public ContentVersion version(int version) {
        return database.dsl().selectFrom(VERSIONS).where(V_VERSION.eq(version)).fetchOptional(QuestLibrary::read)
                .orElseThrow(() -> new NotFoundException("no quest content version " + version));
    }

    /** The content of a version, as saved. */
    public QuestContent content(int version) {
        QuestContent cached = cache.get(version);
        if (cached != null) {
            return cached;
        }
        QuestContent loaded = load(database.dsl(), version);
        cache.put(version, loaded);
        return loaded;
    }

    private QuestContent load(DSLContext dsl, int version) {
        Record v = dsl.selectFrom(VERSIONS).where(V_VERSION.eq(version)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("no quest content version " + version));
        ObjectNode root = JSON.createObjectNode().put("levelCap", v.get(V_CAP));
        ObjectNode budgets = root.putObject("budgets");
        for (String pair : v.get(V_BUDGETS).split(",")) {
            String[] kv = pair.split(":");
            budgets.put(kv[0], Long.parseLong(kv[1]));
        }
        try {
            root.set("boards", JSON.readTree(v.get(V_BOARDS)));
        } catch (IOException e) {
            throw new IllegalStateException("the board rules of quest content version " + version + " are unreadable", e);
        }
        ArrayNode nodes = root.putArray("nodes");
        for (String body : dsl.select(N_BODY).from(NODES).where(V_VERSION.eq(version)).orderBy(SEQ).fetch(N_BODY)) {
            try {
                nodes.add(JSON.readTree(body));
            } catch (IOException e) {
                throw new IllegalStateException("a stored quest node of version " + version + " is unreadable", e);
            }
        }
        ArrayNode edges = root.putArray("edges");
        dsl.select(E_FROM, TYPE, E_TO).from(EDGES).where(V_VERSION.eq(version)).orderBy(SEQ)
                .forEach(r -> edges.addObject().put("from", r.value1()).put("type", r.value2()).put("to", r.value3()));
        ContentFormat.Read read = ContentFormat.read(root);
        if (read.content() == null) {
            throw new IllegalStateException("stored quest content version " + version + " no longer reads: " + read.problems());
        }
        return read.content();
    }

    private static void refuse(List<ContentProblem> problems, String what) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(what + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"),
                    problems.stream().map(ContentProblem::asFieldError).toList());
        }
    }

    private static String budgets(SortedMap<Integer, Long> budgets) {
        return budgets.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    private static ContentVersion read(Record r) {
        return new ContentVersion(r.get(V_VERSION), r.get(V_STATE), r.get(V_NODES), r.get(V_EDGES), r.get(V_BY), Instant.ofEpochMilli(r.get(V_AT)),
                r.get(V_PUBLISHED) == null ? null : Instant.ofEpochMilli(r.get(V_PUBLISHED)));
    }
}
