package dev.veltrix.server.web;

import dev.veltrix.core.error.FieldError;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reading the console's editors (seasons, hunts): fields as typed, rows of repeated fields ({@code reward.tier},
 * {@code reward.track}, …, one value per row), numbers that may not be numbers, and the problems of one row.
 */
public final class FormRows {
    private FormRows() {
    }

    /** The rows posted under {@code prefix}: column {@code names[c]} of row i is the i-th {@code prefix.names[c]}. */
    static <T> List<T> rows(Context ctx, String prefix, Function<String[], T> row, String... names) {
        List<List<String>> columns = new ArrayList<>();
        int size = 0;
        for (String name : names) {
            List<String> values = ctx.formParams(prefix + "." + name);
            columns.add(values);
            size = Math.max(size, values.size());
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String[] fields = new String[names.length];
            for (int c = 0; c < names.length; c++) {
                fields[c] = i < columns.get(c).size() ? columns.get(c).get(i).strip() : "";
            }
            out.add(row.apply(fields));
        }
        return out;
    }

    static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    /** The whole number typed, or 0 with a problem for {@code field}. */
    static long whole(String text, String field, List<FieldError> problems) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldError(field, "a whole number, got \"" + text + "\""));
            return 0;
        }
    }

    /** The number typed, or 0 with a problem for {@code field}. */
    static double decimal(String text, String field, List<FieldError> problems) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldError(field, "a number such as 1.5, got \"" + text + "\""));
            return 0;
        }
    }

    /** The problems whose field is {@code prefix} or lies under it ("rewards[2]", "sources.mob.killed", "tiers"), joined. */
    public static String problemsAt(List<FieldError> problems, String prefix) {
        return problems.stream().filter(p -> p.field().equals(prefix) || p.field().startsWith(prefix + ".") || p.field().startsWith(prefix + "["))
                .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
    }

    /** The rows to show: those of the draft, then {@code blanks} empty ones to fill in. */
    public static <T> List<T> withBlanks(List<T> rows, T blank, int blanks) {
        List<T> out = new ArrayList<>(rows);
        for (int i = 0; i < blanks; i++) {
            out.add(blank);
        }
        return out;
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
