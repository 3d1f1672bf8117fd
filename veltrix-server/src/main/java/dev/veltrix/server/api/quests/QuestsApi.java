package dev.veltrix.server.api.quests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.progression.quests.ContentFormat;
import dev.veltrix.progression.quests.ContentProblem;
import dev.veltrix.progression.quests.PlayerContext;
import dev.veltrix.progression.quests.QuestContent;
import dev.veltrix.progression.quests.QuestGenerator;
import dev.veltrix.progression.quests.QuestLibrary;
import dev.veltrix.progression.quests.QuestLog;
import dev.veltrix.server.api.Params;
import dev.veltrix.server.auth.Scope;
import dev.veltrix.server.http.ApiRoutes;
import dev.veltrix.server.http.RequestBodies;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Quests over HTTP: the operator's content (files in, files out, drafts, publishing, a preview of the generator;
 * {@code quests:admin}), and each player's board and quest log for game servers ({@code quests}).
 */
public final class QuestsApi {
    private final QuestLibrary library;
    private final QuestLog log;
    private final ObjectMapper json;

    public QuestsApi(QuestLibrary library, QuestLog log, ObjectMapper json) {
        this.library = library;
        this.log = log;
        this.json = json;
    }

    public void register(ApiRoutes api) {
        api.get("/quests/content", Scope.QUESTS_ADMIN, this::export);
        api.put("/quests/content/draft", Scope.QUESTS_ADMIN, ctx -> ctx.json(library.saveDraft(content(ctx.body()), "api")));
        api.post("/quests/content/validate", Scope.QUESTS_ADMIN, ctx -> {
            ContentFormat.Read read = ContentFormat.read(ctx.body());
            List<ContentProblem> problems = read.content() == null ? read.problems() : library.check(read.content());
            ctx.json(Map.of("problems", problems));
        });
        api.post("/quests/content/publish", Scope.QUESTS_ADMIN, ctx -> ctx.json(library.publish("api")));
        api.get("/quests/versions", Scope.QUESTS_ADMIN, ctx -> ctx.json(Map.of("items", library.versions())));
        api.post("/quests/preview", Scope.QUESTS_ADMIN, ctx -> ctx.json(Map.of("items", preview(RequestBodies.read(ctx, json, JsonNode.class)))));
        api.post("/quests/players/{player}/board", Scope.QUESTS, ctx -> {
            JsonNode body = RequestBodies.read(ctx, json, JsonNode.class);
            UUID player = Params.uuid("player", ctx.pathParam("player"));
            ctx.json(Map.of("items", log.board(player, level(body), body.path("region").asText(null), board(body))));
        });
        api.get("/quests/players/{player}", Scope.QUESTS, ctx ->
                ctx.json(Map.of("items", log.log(Params.uuid("player", ctx.pathParam("player")), Params.limit(ctx, 50, 500)))));
    }

    /** Quest content read from a file's text; every problem of the file, or of the content, is a 400 listing them all. */
    public static QuestContent content(String text) {
        ContentFormat.Read read = ContentFormat.read(text);
        if (read.content() == null) {
            throw new InvalidInputException("the quest content file has " + read.problems().size() + " problems",
                    read.problems().stream().map(ContentProblem::asFieldError).toList());
        }
        return read.content();
    }

    private void export(Context ctx) {
        String which = ctx.queryParam("version") == null ? "published" : ctx.queryParam("version");
        int version = switch (which) {
            case "published" -> library.publishedVersion().orElseThrow(() -> new dev.veltrix.core.error.NotFoundException("nothing is published yet"));
            case "draft" -> library.draftVersion().orElseThrow(() -> new dev.veltrix.core.error.NotFoundException("there is no draft"));
            default -> {
                try {
                    yield Integer.parseInt(which);
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of("version", "published, draft or a version number, got \"" + which + "\"");
                }
            }
        };
        QuestContent content = library.content(version);
        if ("json".equals(ctx.queryParam("format"))) {
            ctx.contentType("application/json").result(ContentFormat.json(content));
        } else {
            ctx.contentType("application/yaml").result(ContentFormat.yaml(content));
        }
    }

    /**
     * What the generator would offer a sample player, from the draft or the live version:
     * {@code {"version":"draft","level":6,"region":"forest","completed":{"intro":"2026-12-01"},"board":"daily","day":"2026-12-03","seed":1}}.
     */
    private List<dev.veltrix.progression.quests.GeneratedQuest> preview(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String which = body.path("version").asText("published");
        var version = which.equals("draft") ? library.draftVersion() : library.publishedVersion();
        if (version.isEmpty()) {
            throw new dev.veltrix.core.error.NotFoundException(which.equals("draft") ? "there is no draft" : "nothing is published yet");
        }
        Map<String, LocalDate> completed = new HashMap<>();
        body.path("completed").properties().forEach(e -> {
            try {
                completed.put(e.getKey(), LocalDate.parse(e.getValue().asText()));
            } catch (DateTimeParseException ex) {
                errors.add(new FieldError("completed." + e.getKey(), "the day it was completed, such as 2026-12-01"));
            }
        });
        LocalDate day = LocalDate.now(java.time.ZoneOffset.UTC);
        if (body.hasNonNull("day")) {
            try {
                day = LocalDate.parse(body.get("day").asText());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("day", "a day such as 2026-12-03"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the preview was not made", errors);
        }
        QuestGenerator generator = log.generator(version.get());
        PlayerContext player = new PlayerContext(new UUID(0, body.path("player").asText("sample").hashCode()), level(body),
                body.path("region").asText(null), completed, new HashSet<>());
        QuestGenerator.Board board = board(body);
        return body.has("seed") ? generator.board(player, board, day, body.get("seed").asLong()) : generator.board(player, board, day);
    }

    private static int level(JsonNode body) {
        JsonNode level = body.path("level");
        if (!level.canConvertToInt() || level.asInt() < 1 || level.asInt() > 10_000) {
            throw InvalidInputException.of("level", "the player's level, 1..10000");
        }
        return level.asInt();
    }

    private static QuestGenerator.Board board(JsonNode body) {
        return Params.choice("board", body.path("board").asText("daily"), QuestGenerator.Board.class);
    }
}
