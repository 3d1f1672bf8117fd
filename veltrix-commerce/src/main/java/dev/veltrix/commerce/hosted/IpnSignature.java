package dev.veltrix.commerce.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NOWPayments' IPN signature: HMAC-SHA512 with the IPN secret over the callback's JSON with its keys sorted at
 * every level and no whitespace, as lower-case hex in {@code x-nowpayments-sig}. Compared in constant time.
 */
public final class IpnSignature {
    // Decimals are read exactly, so they are written back as the processor wrote them, not through a double.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private IpnSignature() {
    }

    /** Reads a callback's body exactly (decimals as written). */
    public static JsonNode parse(byte[] body) throws java.io.IOException {
        return JSON.readTree(body);
    }

    /** The JSON text that is signed: keys sorted recursively, compact separators. */
    public static String canonical(JsonNode body) {
        try {
            return JSON.writeValueAsString(sorted(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed callback failed to serialise", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        if (node.isNumber() && !node.isIntegralNumber()) {
            // The processor signs what JavaScript's JSON.stringify writes: 25 for 25.0, 0.0005 (never 5.0E-4).
            return JSON.getNodeFactory().rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(jsNumber(node.decimalValue())));
        }
        return node;
    }

    /** A number as JavaScript prints it: shortest plain form between 1e-6 and 1e21, exponent form outside. */
    static String jsNumber(java.math.BigDecimal value) {
        java.math.BigDecimal v = value.stripTrailingZeros();
        java.math.BigDecimal abs = v.abs();
        if (v.signum() == 0) {
            return "0";
        }
        if (abs.compareTo(new java.math.BigDecimal("1e-6")) >= 0 && abs.compareTo(new java.math.BigDecimal("1e21")) < 0) {
            return v.scale() <= 0 ? v.toBigIntegerExact().toString() : v.toPlainString();
        }
        String digits = v.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - v.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "") + exponent;
    }

    public static String sign(String secret, JsonNode body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(canonical(body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA512 is unavailable", e);
        }
    }

    public static boolean verify(String secret, JsonNode body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
