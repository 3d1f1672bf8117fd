package dev.veltrix.server.api.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veltrix.commerce.catalog.Coupon;
import dev.veltrix.commerce.catalog.Deliverable;
import dev.veltrix.commerce.catalog.DeliverableCodec;
import dev.veltrix.commerce.catalog.Sale;
import dev.veltrix.commerce.catalog.StorePackage;
import dev.veltrix.commerce.orders.PlaceOrder;
import dev.veltrix.commerce.orders.Rail;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads the store's request bodies, listing every field that is wrong rather than the first. */
final class StoreBodies {
    private StoreBodies() {
    }

    static StorePackage pkg(String id, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        List<Deliverable> deliverables = DeliverableCodec.read(body.get("deliverables"), "deliverables", errors);
        StorePackage pkg = new StorePackage(id, body.path("category").asText(null), body.path("name").asText(null),
                body.path("description").asText(""), body.path("currency").asText(null), whole(body, "price", errors),
                optionalInt(body, "stock", errors), optionalInt(body, "perPlayerLimit", errors),
                optionalInt(body, "durationDays", errors), deliverables, body.path("active").asBoolean(true));
        fail("the package was not saved", errors);
        return pkg;
    }

    static Coupon coupon(String code, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Integer percent = optionalInt(body, "percentOff", errors);
        Long amount = body.hasNonNull("amountOff") ? whole(body, "amountOff", errors) : null;
        Coupon coupon = new Coupon(code, percent, amount, body.path("currency").asText(null), scope(body, errors),
                optionalInstant(body, "expiresAt", errors), optionalInt(body, "maxUses", errors), 0);
        fail("the coupon was not saved", errors);
        return coupon;
    }

    static Sale sale(String id, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Integer percent = optionalInt(body, "percentOff", errors);
        Sale sale = new Sale(id, body.path("name").asText(null), percent == null ? 0 : percent, scope(body, errors),
                optionalInstant(body, "startsAt", errors), optionalInstant(body, "endsAt", errors));
        fail("the sale was not saved", errors);
        return sale;
    }

    static PlaceOrder order(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        List<PlaceOrder.Line> lines = new ArrayList<>();
        JsonNode array = body.path("lines");
        if (!array.isArray()) {
            errors.add(new FieldError("lines", "a list of {\"package\": id, \"quantity\": n}"));
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode line = array.get(i);
            lines.add(new PlaceOrder.Line(line.path("package").asText(null),
                    line.path("quantity").isInt() ? line.get("quantity").asInt() : line.has("quantity") ? 0 : 1));
        }
        Rail rail = null;
        if (body.hasNonNull("rail")) {
            try {
                rail = Rail.parse(body.get("rail").asText());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("rail", "how to pay: " + Rail.list()));
            }
        }
        fail("the order was not placed", errors);
        return new PlaceOrder(body.path("playerName").asText(null), lines, emptyToNull(body.path("coupon").asText(null)),
                emptyToNull(body.path("giftCard").asText(null)), rail);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static long whole(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            errors.add(new FieldError(field, "a whole number of minor units (cents: 499 is 4.99)"));
            return 0;
        }
        return node.asLong();
    }

    private static Integer optionalInt(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isInt()) {
            errors.add(new FieldError(field, "a whole number, or null"));
            return null;
        }
        return node.asInt();
    }

    private static Instant optionalInstant(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "an ISO-8601 instant such as 2026-12-24T18:00:00Z"));
            return null;
        }
    }

    private static Set<String> scope(JsonNode body, List<FieldError> errors) {
        Set<String> scope = new TreeSet<>();
        JsonNode node = body.get("scope");
        if (node == null || node.isNull()) {
            return scope;
        }
        if (!node.isArray()) {
            errors.add(new FieldError("scope", "a list of package or category ids; empty for the whole store"));
            return scope;
        }
        node.forEach(id -> scope.add(id.asText()));
        return scope;
    }

    private static void fail(String what, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(what, errors);
        }
    }
}
