package dev.veltrix.server.api;

import dev.veltrix.core.error.FieldError;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.TransferRequest;
import java.util.List;
import java.util.Map;

/** A transfer as the API receives it; every field is checked and named when wrong. */
public record TransferBody(String from, String to, String currency, Long amount, String reference,
                           Map<String, String> metadata) {

    /** The request, or null after adding to {@code errors} what is wrong (field names prefixed). */
    TransferRequest toRequest(String prefix, List<FieldError> errors) {
        int before = errors.size();
        AccountId fromId = account(prefix + "from", from, errors);
        AccountId toId = account(prefix + "to", to, errors);
        if (currency == null) {
            errors.add(new FieldError(prefix + "currency", "required: a currency code such as coins"));
        }
        if (amount == null) {
            errors.add(new FieldError(prefix + "amount", "required: a positive whole number of minor units"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new TransferRequest(fromId, toId, currency, amount, reference, metadata);
    }

    private static AccountId account(String field, String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(field, "required: player:<uuid> or system:<name>"));
            return null;
        }
        String problem = AccountId.problemWith(text);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
            return null;
        }
        return new AccountId(text);
    }
}
