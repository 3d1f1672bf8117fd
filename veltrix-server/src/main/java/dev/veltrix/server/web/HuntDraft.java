package dev.veltrix.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.progression.hunts.Hunt;
import io.javalin.http.Context;
import java.util.List;

/**
 * The hunt editor's form as typed, like {@link SeasonDraft}: it becomes the API's JSON body, so the form and the API
 * share one reading and one set of rules. Treasures keep the order of their rows, which is the clue order; rows left
 * blank are ignored.
 */
public record HuntDraft(String id, String name, String startsAt, String endsAt, boolean ordered, String finishCurrency, String finishAmount,
                        String finishWinners, List<TreasureRow> treasures) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BLANK_ROWS = 2;

    /** One treasure: a place (world, x, y, z, radius) or a hidden item; how many first finders win; their reward. */
    public record TreasureRow(String id, String clue, String world, String x, String y, String z, String radius, String item, String winners,
                              String currency, String amount) {
        boolean blank() {
            return id.isBlank() && clue.isBlank() && x.isBlank() && z.isBlank() && item.isBlank();
        }
    }

    public static HuntDraft blank() {
        return new HuntDraft("", "", "", "", false, "", "", "0", List.of());
    }

    public static HuntDraft of(Hunt h) {
        List<TreasureRow> rows = h.treasures().stream().map(t -> new TreasureRow(t.id(), t.clue(), t.byItem() ? "" : t.world(),
                t.byItem() ? "" : FormRows.number(t.x()), t.byItem() ? "" : FormRows.number(t.y()), t.byItem() ? "" : FormRows.number(t.z()),
                t.byItem() ? "" : FormRows.number(t.radius()), t.byItem() ? t.item() : "", Integer.toString(t.winners()),
                t.rewardCurrency() == null ? "" : t.rewardCurrency(), t.rewardCurrency() == null ? "" : Long.toString(t.rewardAmount()))).toList();
        return new HuntDraft(h.id(), h.name(), h.startsAt().toString(), h.endsAt().toString(), h.ordered(),
                h.finishCurrency() == null ? "" : h.finishCurrency(), h.finishCurrency() == null ? "" : Long.toString(h.finishAmount()),
                Integer.toString(h.finishWinners()), rows);
    }

    /** The draft as the form posted it, blank rows dropped. */
    public static HuntDraft of(Context ctx) {
        List<TreasureRow> rows = FormRows.rows(ctx, "treasure", f -> new TreasureRow(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]),
                "id", "clue", "world", "x", "y", "z", "radius", "item", "winners", "currency", "amount").stream().filter(r -> !r.blank()).toList();
        return new HuntDraft(FormRows.text(ctx, "id"), FormRows.text(ctx, "name"), FormRows.text(ctx, "startsAt"), FormRows.text(ctx, "endsAt"),
                ctx.formParam("ordered") != null, FormRows.text(ctx, "finishCurrency"), FormRows.text(ctx, "finishAmount"),
                FormRows.text(ctx, "finishWinners"), rows);
    }

    /** The API's JSON body for this draft; numbers that are not numbers are listed in {@code problems} and sent as 0. */
    public JsonNode toJson(List<FieldError> problems) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("startsAt", startsAt).put("endsAt", endsAt).put("ordered", ordered)
                .put("finishWinners", finishWinners.isBlank() ? 0 : FormRows.whole(finishWinners, "finishWinners", problems));
        if (!finishCurrency.isBlank()) {
            body.putObject("finishReward").put("currency", finishCurrency).put("amount", FormRows.whole(finishAmount, "finishAmount", problems));
        }
        ArrayNode list = body.putArray("treasures");
        for (int i = 0; i < treasures.size(); i++) {
            TreasureRow t = treasures.get(i);
            String at = "treasures[" + i + "].";
            ObjectNode node = list.addObject().put("id", t.id()).put("position", i + 1).put("clue", t.clue())
                    .put("winners", t.winners().isBlank() ? 1 : FormRows.whole(t.winners(), at + "winners", problems));
            if (!t.item().isBlank()) {
                node.put("item", t.item());
            } else {
                node.put("world", t.world()).put("x", FormRows.decimal(t.x(), at + "x", problems)).put("y", FormRows.decimal(t.y(), at + "y", problems))
                        .put("z", FormRows.decimal(t.z(), at + "z", problems)).put("radius", FormRows.decimal(t.radius(), at + "radius", problems));
            }
            if (!t.currency().isBlank()) {
                node.putObject("reward").put("currency", t.currency()).put("amount", FormRows.whole(t.amount(), at + "rewardAmount", problems));
            }
        }
        return body;
    }

    /** The rows to show: the draft's, then blank ones to fill in (a click on the map places the selected one). */
    public List<TreasureRow> treasureRows() {
        return FormRows.withBlanks(treasures, new TreasureRow("", "", "world", "", "64", "", "5", "", "1", "", ""), BLANK_ROWS);
    }
}
