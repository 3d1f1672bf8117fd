package dev.veltrix.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {
    // The grammar the envelope documents, as the regular expression it was first checked with.
    private static final Pattern GRAMMAR = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    @Test
    void typesAreDotSeparatedLowerCaseWordsStartingWithALetter() {
        assertThat(EventEnvelope.isType("transfer.posted")).isTrue();
        assertThat(EventEnvelope.isType("game.mob_killed.v2")).isTrue();
        for (String bad : new String[] {"", "transfer", "transfer.", ".posted", "transfer..posted", "Transfer.posted", "transfer.2nd",
                "transfer.po-sted", "transfer.posted ", "_a.b"}) {
            assertThat(EventEnvelope.isType(bad)).as(bad).isFalse();
        }
    }

    @Test
    void theTypeCheckAcceptsExactlyWhatTheGrammarDoes() {
        // Short strings over the characters that matter, so every kind of boundary is reached many times.
        char[] alphabet = {'a', 'z', 'q', '0', '9', '_', '.', 'A', '-', ' '};
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 200_000; n++) {
            char[] text = new char[random.nextInt(8)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String type = new String(text);
            assertThat(EventEnvelope.isType(type)).as("'%s'", type).isEqualTo(GRAMMAR.matcher(type).matches());
        }
    }

    @Test
    void anEnvelopeWithABadTypeIsRefusedWithWhatToFix() {
        assertThatThrownBy(() -> new EventEnvelope(UUID.randomUUID(), "Transfer", "k", Instant.EPOCH, "economy", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject.past_tense");
    }
}
