package org.livepeer.analytics.sse.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    /** A config with a Kafka pass-through map, as a service adds one. */
    record WithKafka(
            String host, String apiKey, Map<String, String> kafka, SseConfig.ClientLimits limits) {}

    @Test
    void masksEveryValueWhoseNameNamesASecretNestedAndInMaps() {
        Map<String, String> kafka =
                Map.of(
                        "sasl.jaas.config", "PlainLoginModule password=\"s3cret-jaas\";",
                        "ssl.key.password", "s3cret-keypw",
                        "ssl.keystore.password", "s3cret-kspw",
                        "ssl.truststore.certificates", "-----BEGIN s3cret-cert",
                        "sasl.oauthbearer.token.endpoint.url", "s3cret-url",
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "PLAIN");
        String text =
                SecretMask.render(
                        new WithKafka(
                                "example.org",
                                "s3cret-api",
                                kafka,
                                new SseConfig.ClientLimits(10, 60_000, 10_000, 4_096)));

        assertFalse(text.contains("s3cret"), text);
        assertTrue(text.contains("sasl.jaas.config=****"), text);
        assertTrue(text.contains("apiKey=****"), text);
        // What is not secret stays readable, so the log still says how the client is set up.
        assertTrue(text.contains("security.protocol=SASL_SSL"), text);
        assertTrue(text.contains("sasl.mechanism=PLAIN"), text);
        assertTrue(text.contains("host=example.org"), text);
        assertTrue(text.contains("maxConnections=10"), text);
    }

    @Test
    void classifiesNamesBySecretWords() {
        for (String secret :
                List.of(
                        "password",
                        "SSE_TOKEN",
                        "tokenSha256Hex",
                        "INGEST_API_KEYS",
                        "clientSecret",
                        "ssl.keystore.certificate.chain",
                        "sasl.jaas.config",
                        "credentials")) {
            assertTrue(SecretMask.isSecret(secret), secret);
        }
        for (String plain : List.of("host", "port", "metricsTopic", "bootstrap.servers")) {
            assertFalse(SecretMask.isSecret(plain), plain);
        }
    }

    @Test
    void theSseConfigLogLineHidesTheTokenAndItsHash() {
        SseConfig config = SseConfig.fromEnv(Map.of("SSE_TOKEN", "read-token-123"));
        String text = config.toString();

        assertFalse(text.contains("read-token-123"), text);
        assertFalse(text.contains(config.tokenSha256Hex()), text);
        assertTrue(text.contains("tokenSha256Hex=****"), text);
        assertTrue(text.contains("maxConnections=25000"), text);
    }
}
