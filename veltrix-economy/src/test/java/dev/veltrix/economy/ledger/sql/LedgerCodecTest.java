package dev.veltrix.economy.ledger.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Transfer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The {@code transfer.posted} payload game servers parse: every field, and a reference that needs quoting. */
class LedgerCodecTest {
    private final ObjectMapper json = new ObjectMapper();
    private final LedgerCodec codec = new LedgerCodec(json);

    private Map<String, Object> payload(String reference) throws Exception {
        Transfer t = new Transfer(UUID.fromString("0193a000-0000-7000-8000-000000000001"), UUID.fromString("0193a000-0000-7000-8000-000000000002"),
                3, AccountId.ISSUANCE, new AccountId("player:0b9e8f4c-2d1a-4c7e-9f3b-5a6d7e8f9a0b"), "coins", Long.MAX_VALUE - 1,
                reference, Map.of(), Instant.parse("2026-12-07T10:15:30.123Z"));
        return json.readValue(codec.eventPayload(t), new TypeReference<>() {
        });
    }

    @Test
    void payloadCarriesEveryFieldOfTheTransfer() throws Exception {
        Map<String, Object> expected = new HashMap<>();
        expected.put("id", "0193a000-0000-7000-8000-000000000001");
        expected.put("postingId", "0193a000-0000-7000-8000-000000000002");
        expected.put("leg", 3);
        expected.put("from", "system:issuance");
        expected.put("to", "player:0b9e8f4c-2d1a-4c7e-9f3b-5a6d7e8f9a0b");
        expected.put("currency", "coins");
        expected.put("amount", Long.MAX_VALUE - 1);
        expected.put("reference", null);
        expected.put("postedAt", "2026-12-07T10:15:30.123Z");
        assertThat(payload(null)).isEqualTo(expected);
    }

    @Test
    void aReferenceWithQuotesBackslashesControlCharactersAndUnicodeComesBackUnchanged() throws Exception {
        String reference = "quest \"dragon\" \\ line\nbreak\ttab \u0001 ünïcødé ✓ 🐉";
        assertThat(payload(reference)).containsEntry("reference", reference);
    }
}
