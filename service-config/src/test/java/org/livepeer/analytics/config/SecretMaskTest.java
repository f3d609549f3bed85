package org.livepeer.analytics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskTest {

    record Limits(int maxConnections, long idleTimeoutMs) {}

    /** A config with a Kafka pass-through map, as a service adds one. */
    record WithKafka(String host, String apiKey, Map<String, String> kafka, Limits limits) {}

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
                        new WithKafka("example.org", "s3cret-api", kafka, new Limits(10, 60_000)));

        assertFalse(text.contains("s3cret"), text);
        assertTrue(text.contains("sasl.jaas.config=****"), text);
        assertTrue(text.contains("apiKey=****"), text);
        // What is not secret stays readable, so the log still says how the client is set up.
        assertTrue(text.contains("security.protocol=SASL_SSL"), text);
        assertTrue(text.contains("sasl.mechanism=PLAIN"), text);
        assertTrue(text.contains("host=example.org"), text);
        assertTrue(text.contains("maxConnections=10"), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password",
                "SSE_TOKEN",
                "tokenSha256Hex",
                "INGEST_API_KEYS",
                "CLICKHOUSE_WRITER_PASSWORD",
                "clientSecret",
                "ssl.keystore.certificate.chain",
                "ssl.keystore.key",
                "ssl.key.password",
                "ssl.truststore.certificates",
                "ssl.privatekey",
                "sasl.jaas.config",
                "sasl.login.passwd",
                "sasl.oauthbearer.client.credentials.client.secret",
                "sasl.oauthbearer.assertion.private.key.passphrase",
                "delegation.token",
                "basic.auth.info",
                "credentials",
                "db-pwd"
            })
    void secretNames(String name) {
        assertTrue(SecretMask.isSecret(name), name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "host",
                "port",
                "metricsTopic",
                "bootstrap.servers",
                "ssl.keystore.location",
                "ssl.keystore.type",
                "sasl.mechanism",
                "security.protocol",
                "KAFKA_BOOTSTRAP_SERVERS",
                "SSE_AUTH"
            })
    void plainNames(String name) {
        assertFalse(SecretMask.isSecret(name), name);
    }

    @Test
    void mapsAreMaskedEntryByEntryAndSorted() {
        assertEquals(
                "{compression.type=lz4, ssl.key.password=****, ssl.truststore.password=}",
                SecretMask.mask(
                                Map.of(
                                        "ssl.key.password", "pw",
                                        "compression.type", "lz4",
                                        "ssl.truststore.password", ""))
                        .toString());
    }
}
