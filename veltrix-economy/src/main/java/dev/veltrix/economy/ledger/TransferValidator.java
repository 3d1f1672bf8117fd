package dev.veltrix.economy.ledger;

import dev.veltrix.core.error.FieldError;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Checks each leg of a posting and names every field at fault, so one round trip fixes them all. */
final class TransferValidator {
    private TransferValidator() {
    }

    static void check(TransferRequest leg, String prefix, Predicate<String> currencyExists, List<FieldError> errors) {
        if (!currencyExists.test(leg.currency())) {
            errors.add(new FieldError(prefix + "currency", "unknown currency " + leg.currency()
                    + "; create it with POST /api/v1/currencies or use one of GET /api/v1/currencies"));
        }
        if (leg.amount() <= 0) {
            errors.add(new FieldError(prefix + "amount", "must be a positive number of minor units, got " + leg.amount()));
        } else if (leg.amount() > TransferRequest.AMOUNT_MAX) {
            errors.add(new FieldError(prefix + "amount", "must be at most " + TransferRequest.AMOUNT_MAX + ", got " + leg.amount()));
        }
        if (leg.from().equals(leg.to())) {
            errors.add(new FieldError(prefix + "to", "must differ from from (" + leg.from() + ")"));
        }
        if (leg.reference() != null && (leg.reference().isBlank() || leg.reference().length() > TransferRequest.REFERENCE_LENGTH_MAX)) {
            errors.add(new FieldError(prefix + "reference", "must be 1.." + TransferRequest.REFERENCE_LENGTH_MAX
                    + " characters when given"));
        }
        checkMetadata(leg.metadata(), prefix, errors);
    }

    private static void checkMetadata(Map<String, String> metadata, String prefix, List<FieldError> errors) {
        if (metadata.size() > TransferRequest.METADATA_ENTRIES_MAX) {
            errors.add(new FieldError(prefix + "metadata", "must have at most " + TransferRequest.METADATA_ENTRIES_MAX
                    + " entries, got " + metadata.size()));
            return;
        }
        for (var entry : metadata.entrySet()) {
            if (entry.getKey().isEmpty() || entry.getKey().length() > 64 || entry.getValue() == null
                    || entry.getValue().length() > TransferRequest.METADATA_TEXT_LENGTH_MAX) {
                errors.add(new FieldError(prefix + "metadata." + entry.getKey(), "keys must be 1..64 characters and values "
                        + "non-null strings of at most " + TransferRequest.METADATA_TEXT_LENGTH_MAX + " characters"));
            }
        }
    }
}
