package dev.veltrix.server.web;

import dev.veltrix.commerce.catalog.Catalog;
import dev.veltrix.commerce.orders.Orders;
import dev.veltrix.commerce.orders.PlaceOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storefront's basket, kept in a cookie as {@code id:quantity} pairs joined by dots. It holds only what
 * the buyer chose; prices always come from the catalog at checkout. Anything unreadable is dropped.
 */
final class Basket {
    static final String COOKIE = "veltrix_basket";

    private final Map<String, Integer> lines;

    private Basket(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static Basket parse(String cookie) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        if (cookie != null) {
            for (String pair : cookie.split("\\.")) {
                String[] parts = pair.split(":");
                if (parts.length == 2 && Catalog.ID.matcher(parts[0]).matches() && parts[1].matches("[0-9]{1,3}")) {
                    int quantity = Integer.parseInt(parts[1]);
                    if (quantity >= 1 && quantity <= Orders.QUANTITY_MAX && lines.size() < Orders.LINES_MAX) {
                        lines.put(parts[0], quantity);
                    }
                }
            }
        }
        return new Basket(lines);
    }

    Basket add(String packageId, int quantity) {
        Map<String, Integer> next = new LinkedHashMap<>(lines);
        next.merge(packageId, quantity, (a, b) -> Math.min(Orders.QUANTITY_MAX, a + b));
        return new Basket(next);
    }

    Basket remove(String packageId) {
        Map<String, Integer> next = new LinkedHashMap<>(lines);
        next.remove(packageId);
        return new Basket(next);
    }

    Map<String, Integer> lines() {
        return lines;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<PlaceOrder.Line> orderLines() {
        List<PlaceOrder.Line> out = new ArrayList<>();
        lines.forEach((id, quantity) -> out.add(new PlaceOrder.Line(id, quantity)));
        return out;
    }

    String cookie() {
        List<String> pairs = new ArrayList<>();
        lines.forEach((id, quantity) -> pairs.add(id + ":" + quantity));
        return String.join(".", pairs);
    }
}
