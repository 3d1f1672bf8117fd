package dev.veltrix.server.api;

import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.economy.ledger.Currency;
import java.util.ArrayList;
import java.util.List;

/** A currency to create. */
public record CurrencyBody(String code, String name, Integer decimals) {

    Currency toCurrency() {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !Currency.CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "required: 1-16 lower-case letters, digits or _, starting with a letter"));
        }
        if (name == null || name.isBlank() || name.length() > Currency.NAME_LENGTH_MAX) {
            errors.add(new FieldError("name", "required: 1.." + Currency.NAME_LENGTH_MAX + " characters"));
        }
        if (decimals == null || decimals < 0 || decimals > Currency.DECIMALS_MAX) {
            errors.add(new FieldError("decimals", "required: 0.." + Currency.DECIMALS_MAX
                    + " (how many minor units make one, as a power of ten)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the currency is invalid; nothing was created", errors);
        }
        return new Currency(code, name, decimals);
    }
}
