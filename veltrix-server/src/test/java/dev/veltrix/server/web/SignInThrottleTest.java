package dev.veltrix.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.server.TestNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Password guessing is slowed per client: after a burst of failures, sign-in answers 429. */
class SignInThrottleTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static HttpResponse<String> attempt(TestNode node, String password) {
        HttpResponse<String> form = node.send(HttpRequest.newBuilder(URI.create(node.baseUrl + "/console/login")).build());
        Matcher token = TOKEN.matcher(form.body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        String cookie = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Web.LOGIN_CSRF_COOKIE + "=")).findFirst().orElseThrow().split(";")[0];
        return node.send(HttpRequest.newBuilder(URI.create(node.baseUrl + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1) + "&username=owner&password=" + password))
                .build());
    }

    @Test
    void aBurstOfWrongPasswordsIsSlowedDownWithRetryAfter() {
        try (TestNode node = TestNode.start()) {
            for (int i = 0; i < 10; i++) {
                assertThat(attempt(node, "wrong-password-" + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> throttled = attempt(node, node.ownerPassword);
            assertThat(throttled.statusCode()).as("even the right password waits its turn").isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("6");
            assertThat(throttled.body()).contains("Too many sign-in attempts");
        }
    }
}
