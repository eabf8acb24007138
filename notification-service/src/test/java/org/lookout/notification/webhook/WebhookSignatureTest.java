package org.lookout.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long AT = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsIdTimestampAndBodyAsTheSpecificationSays() {
        // computed independently: python3 hmac.new(b64decode(secret[6:]), b'<id>.<ts>.<body>', sha256), base64
        assertThat(WebhookSignature.sign(SECRET, ID, AT, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aRotationSendsOneSignaturePerSecretAndEitherVerifies() {
        String next = WebhookSignature.newSecret();

        String header = WebhookSignature.header(List.of(next, SECRET), ID, AT, BODY);

        assertThat(header.split(" ")).hasSize(2);
        assertThat(WebhookSignature.verify(SECRET, ID, Long.toString(AT), BODY, header, AT + 10, 300)).isTrue();
        assertThat(WebhookSignature.verify(next, ID, Long.toString(AT), BODY, header, AT + 10, 300)).isTrue();
    }

    @Test
    void refusesAnotherBodyAnotherSecretAnOldTimestamp() {
        String header = WebhookSignature.header(List.of(SECRET), ID, AT, BODY);

        assertThat(WebhookSignature.verify(SECRET, ID, Long.toString(AT), BODY + " ", header, AT, 300)).isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), ID, Long.toString(AT), BODY, header, AT, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, Long.toString(AT), BODY, header, AT + 301, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, "soon", BODY, header, AT, 300)).isFalse();
    }

    @Test
    void aSecretIsWhsecAndBase64OfRandomBytes() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 64);
        assertThatThrownBy(() -> WebhookSignature.sign("not-a-secret", ID, AT, BODY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
