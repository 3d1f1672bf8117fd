package dev.veltrix.commerce.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.commerce.crypto.InvoiceState.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An invoice of 100,000 sat expiring at 10:15, 2 confirmations, 0.5 % tolerance, 1 hour to confirm after expiry. */
class InvoiceRulesTest {
    private static final InvoiceRules RULES = new InvoiceRules(2, new BigDecimal("0.5"), Duration.ofHours(1));
    private static final BigInteger DUE = BigInteger.valueOf(100_000);
    private static final Instant EXPIRES = Instant.parse("2026-11-25T10:15:00Z");

    private static ObservedPayment paid(long sats, String at, int confirmations) {
        return new ObservedPayment("tx-" + sats + "-" + at, BigInteger.valueOf(sats), Instant.parse("2026-11-25T" + at + "Z"), confirmations);
    }

    private static InvoiceState at(String time, ObservedPayment... payments) {
        return RULES.evaluate(DUE, EXPIRES, List.of(payments), Instant.parse("2026-11-25T" + time + "Z"));
    }

    @Test
    void unpaidInvoicesWaitThenExpireWithoutNeedingAnyone() {
        assertThat(at("10:14:59").status()).isEqualTo(Status.NEW);
        InvoiceState expired = at("10:15:00");
        assertThat(expired.status()).isEqualTo(Status.EXPIRED);
        assertThat(expired.review()).isFalse();
    }

    @Test
    void aPartPaymentAsksForTheRemainderAndThePaidInvoiceSettlesOnlyWhenConfirmed() {
        InvoiceState partly = at("10:06:00", paid(40_000, "10:05:00", 0));
        assertThat(partly.status()).isEqualTo(Status.NEW);
        assertThat(partly.paidPartially()).isTrue();
        assertThat(partly.remainder()).isEqualTo(BigInteger.valueOf(60_000));

        assertThat(at("10:11:00", paid(40_000, "10:05:00", 1), paid(60_000, "10:10:00", 0)).status()).isEqualTo(Status.PROCESSING);
        InvoiceState settled = at("10:40:00", paid(40_000, "10:05:00", 3), paid(60_000, "10:10:00", 2));
        assertThat(settled.status()).isEqualTo(Status.SETTLED);
        assertThat(settled.remainder()).isZero();
        // The block holding the second payment is reorganised away: back to waiting, nothing lost.
        assertThat(at("10:41:00", paid(40_000, "10:05:00", 3), paid(60_000, "10:10:00", 0)).status()).isEqualTo(Status.PROCESSING);
    }

    @Test
    void theToleranceCoversFeesAndOverpaymentIsFlagged() {
        assertThat(at("10:30:00", paid(99_500, "10:05:00", 2)).status()).isEqualTo(Status.SETTLED);
        assertThat(at("10:10:00", paid(99_499, "10:05:00", 2)).paidPartially()).isTrue();
        InvoiceState over = at("10:30:00", paid(120_000, "10:05:00", 2));
        assertThat(over.status()).isEqualTo(Status.SETTLED);
        assertThat(over.paidOver()).isTrue();
    }

    @Test
    void latePartAndUnconfirmedPaymentsGoToReviewNeverToSettlement() {
        InvoiceState late = at("10:30:00", paid(100_000, "10:16:00", 6));
        assertThat(late.status()).isEqualTo(Status.EXPIRED);
        assertThat(late.paidLate()).isTrue();
        assertThat(late.review()).isTrue();

        InvoiceState partThenExpired = at("10:20:00", paid(30_000, "10:05:00", 6));
        assertThat(partThenExpired.status()).isEqualTo(Status.EXPIRED);
        assertThat(partThenExpired.paidPartially()).isTrue();
        assertThat(partThenExpired.review()).isTrue();

        assertThat(at("11:14:00", paid(100_000, "10:10:00", 0)).status()).isEqualTo(Status.PROCESSING);
        InvoiceState neverConfirmed = at("11:16:00", paid(100_000, "10:10:00", 0));
        assertThat(neverConfirmed.status()).isEqualTo(Status.INVALID);
        assertThat(neverConfirmed.review()).isTrue();
    }
}
