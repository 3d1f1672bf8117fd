package dev.veltrix.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void placesTheDecimalPointByTheCurrencysDecimals() {
        assertThat(Amounts.format(250, 2)).isEqualTo("2.50");
        assertThat(Amounts.format(-5, 2)).isEqualTo("-0.05");
        assertThat(Amounts.format(1234, 0)).isEqualTo("1234");
        assertThat(Amounts.format(1_000_000_000_000_000_000L, 8)).isEqualTo("10000000000.00000000");
    }
}
