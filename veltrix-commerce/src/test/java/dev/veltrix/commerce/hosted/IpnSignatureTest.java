package dev.veltrix.commerce.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The IPN signature agrees with NOWPayments' published Node.js recipe (sorted keys, JSON.stringify, HMAC-SHA512). */
class IpnSignatureTest {
    // Signed with Node.js 20: crypto.createHmac('sha512', secret).update(JSON.stringify(sortObject(JSON.parse(body)))).
    private static final String BODY = "{\"payment_id\":5077125051,\"payment_status\":\"finished\",\"pay_address\":"
            + "\"0xd1cDE08A07cD25adEbEd35c3867a59228C09B606\",\"price_amount\":25.00,\"price_currency\":\"usd\",\"pay_amount\":0.0005,"
            + "\"actually_paid\":0.00050000,\"pay_currency\":\"btc\",\"order_id\":\"01930000-0000-7000-8000-000000000001\","
            + "\"order_description\":\"Order\",\"purchase_id\":\"5837122679\",\"outcome_amount\":0.000495,\"outcome_currency\":\"btc\","
            + "\"fee\":{\"currency\":\"btc\",\"depositFee\":0,\"withdrawalFee\":0.000001,\"serviceFee\":0}}";
    private static final String NODE_SIGNATURE = "79275eb5ab6d8d81ea44468a0c72cae915527c2c2c24bb1a2ad4eab152e63170"
            + "805f53b1f3bf47e8dbc0734f675f7d597bc3a4e6bc94fa2562e04fffc80f5469";

    @Test
    void theSignatureIsTheOneNodeJsComputesForTheSameBody() throws Exception {
        var body = IpnSignature.parse(BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(IpnSignature.canonical(body)).startsWith("{\"actually_paid\":0.0005,\"fee\":{\"currency\":\"btc\",\"depositFee\":0,"
                + "\"serviceFee\":0,\"withdrawalFee\":0.000001},").contains("\"price_amount\":25,");
        assertThat(IpnSignature.sign("ipn-secret-for-tests", body)).isEqualTo(NODE_SIGNATURE);
        assertThat(IpnSignature.verify("ipn-secret-for-tests", body, NODE_SIGNATURE.toUpperCase())).isTrue();
        assertThat(IpnSignature.verify("another-secret", body, NODE_SIGNATURE)).isFalse();
        assertThat(IpnSignature.verify("ipn-secret-for-tests", body, null)).isFalse();
        var tampered = IpnSignature.parse(BODY.replace("25.00", "2.50").getBytes(StandardCharsets.UTF_8));
        assertThat(IpnSignature.verify("ipn-secret-for-tests", tampered, NODE_SIGNATURE)).isFalse();
    }

    @Test
    void numbersAreWrittenAsJavaScriptWritesThem() {
        assertThat(IpnSignature.jsNumber(new BigDecimal("25.00"))).isEqualTo("25");
        assertThat(IpnSignature.jsNumber(new BigDecimal("0.00050000"))).isEqualTo("0.0005");
        assertThat(IpnSignature.jsNumber(new BigDecimal("0.000001"))).isEqualTo("0.000001");
        assertThat(IpnSignature.jsNumber(new BigDecimal("0.0000001"))).isEqualTo("1e-7");
        assertThat(IpnSignature.jsNumber(new BigDecimal("1.5e21"))).isEqualTo("1.5e+21");
        assertThat(IpnSignature.jsNumber(new BigDecimal("-12.340"))).isEqualTo("-12.34");
    }
}
