package dev.veltrix.economy.exchange;

import dev.veltrix.core.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A currency pair players trade, such as gems for coins ({@code gems-coins}). Quantities are base
 * minor units; prices are quote minor units per base minor unit, in whole multiples of the tick.
 *
 * @param feeBps the taker's fee in basis points of what the taker receives, paid to system:sink
 */
public record Pair(String base, String quote, long tickSize, long minQuantity, int feeBps) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,15}");

    public String id() {
        return base + "-" + quote;
    }

    /** Splits {@code base-quote}; null when the text is not of that form. */
    public static String[] parseId(String id) {
        int dash = id == null ? -1 : id.indexOf('-');
        return dash <= 0 || dash == id.length() - 1 ? null : new String[] {id.substring(0, dash), id.substring(dash + 1)};
    }

    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (base == null || !CODE.matcher(base).matches()) {
            errors.add(new FieldError("base", "a currency code, got " + base));
        }
        if (quote == null || !CODE.matcher(quote).matches() || quote.equals(base)) {
            errors.add(new FieldError("quote", "a currency code other than the base, got " + quote));
        }
        if (tickSize < 1 || tickSize > 1_000_000_000L) {
            errors.add(new FieldError("tickSize", "1..1000000000 quote minor units, got " + tickSize));
        }
        if (minQuantity < 1) {
            errors.add(new FieldError("minQuantity", "at least 1 base minor unit, got " + minQuantity));
        }
        if (feeBps < 0 || feeBps > 1_000) {
            errors.add(new FieldError("feeBps", "0..1000 basis points, got " + feeBps));
        }
        return errors;
    }
}
