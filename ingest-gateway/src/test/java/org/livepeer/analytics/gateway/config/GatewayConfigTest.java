package org.livepeer.analytics.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.livepeer.analytics.config.ConfigException;
import org.livepeer.analytics.http.ConnectionGuard;

class GatewayConfigTest {

    private static final String KEYS = "gw-fra:s3cret-key-fra-0001,gw-nyc:s3cret-key-nyc-0002";

    @Test
    void defaultsApplyWhenOnlyKeysAreSet() {
        GatewayConfig config = GatewayConfig.fromEnv(Map.of("INGEST_API_KEYS", KEYS));

        assertEquals("127.0.0.1", config.host());
        assertEquals(8080, config.port());
        assertEquals("127.0.0.1:9092", config.bootstrapServers());
        assertEquals("streaming-events", config.eventsTopic());
        assertEquals(AuthMode.BEARER, config.authMode());
        assertEquals(1_048_576, config.maxBodyBytes());
        assertEquals(10_000, config.maxEvents());
        assertEquals(4000, config.deliveryTimeoutMs());
        assertEquals(2000, config.readyCheckIntervalMs());
        assertEquals(1, config.retryAfterSeconds());
        assertEquals(
                List.of("gw-fra", "gw-nyc"), config.apiKeys().stream().map(ApiKey::name).toList());
        assertEquals(Map.of(), config.producerOverrides());
        assertEquals("streaming-events-dlq", config.dlqTopic());
        assertEquals(RateLimit.OFF, config.rateLimit());
        assertEquals(50_000, config.maxInflightEvents());
        assertEquals(10_000, config.shutdownTimeoutMs());
        assertTrue(config.accessLog());
        assertEquals(1, config.eventLoops());
        assertEquals(new ConnectionGuard.Limits(4096, 10_000, 60_000), config.connectionLimits());
    }

    @Test
    void everyKeyCanBeOverridden() {
        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_HOST", "0.0.0.0");
        env.put("GATEWAY_PORT", "0");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "k1:9093,k2:9093");
        env.put("EVENTS_TOPIC", "events.v2");
        env.put("INGEST_AUTH", "NONE");
        env.put("INGEST_MAX_BODY_BYTES", "2048");
        env.put("INGEST_MAX_EVENTS", "7");
        env.put("KAFKA_DELIVERY_TIMEOUT_MS", "1500");
        env.put("READY_CHECK_INTERVAL_MS", "250");
        env.put("RETRY_AFTER_SECONDS", "9");
        env.put("KAFKA_PRODUCER_LINGER_MS", "20");
        env.put("DLQ_TOPIC", "rejects");
        env.put("INGEST_RATE_LIMIT", "500");
        env.put("INGEST_RATE_BURST", "2000");
        env.put("INGEST_MAX_INFLIGHT", "64");
        env.put("SHUTDOWN_TIMEOUT_MS", "1500");
        env.put("GATEWAY_ACCESS_LOG", "false");
        env.put("GATEWAY_EVENT_LOOPS", "2");
        env.put("GATEWAY_IDLE_TIMEOUT_MS", "30000");
        env.put("GATEWAY_REQUEST_READ_TIMEOUT_MS", "2500");
        env.put("GATEWAY_MAX_CONNECTIONS", "100");

        GatewayConfig config = GatewayConfig.fromEnv(env);

        assertEquals("0.0.0.0", config.host());
        assertEquals(0, config.port());
        assertEquals("k1:9093,k2:9093", config.bootstrapServers());
        assertEquals("events.v2", config.eventsTopic());
        assertEquals(AuthMode.NONE, config.authMode());
        assertTrue(config.apiKeys().isEmpty());
        assertEquals(2048, config.maxBodyBytes());
        assertEquals(7, config.maxEvents());
        assertEquals(1500, config.deliveryTimeoutMs());
        assertEquals(250, config.readyCheckIntervalMs());
        assertEquals(9, config.retryAfterSeconds());
        assertEquals(Map.of("linger.ms", "20"), config.producerOverrides());
        assertEquals("rejects", config.dlqTopic());
        assertEquals(new RateLimit(500, 2000), config.rateLimit());
        assertEquals(64, config.maxInflightEvents());
        assertEquals(1500, config.shutdownTimeoutMs());
        assertFalse(config.accessLog());
        assertEquals(2, config.eventLoops());
        assertEquals(new ConnectionGuard.Limits(100, 2500, 30_000), config.connectionLimits());
    }

    @Test
    void burstDefaultsToOneSecondOfTheRate() {
        GatewayConfig config =
                GatewayConfig.fromEnv(Map.of("INGEST_API_KEYS", KEYS, "INGEST_RATE_LIMIT", "300"));

        assertEquals(new RateLimit(300, 300), config.rateLimit());
    }

    @Test
    void keysFileIsMergedWithTheEnvironmentKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(
                file, "# operators' keys\n\nlon:key-lon-0003   # London\n  par : key-par-0004\n");

        GatewayConfig config =
                GatewayConfig.fromEnv(
                        Map.of("INGEST_API_KEYS", KEYS, "INGEST_API_KEYS_FILE", file.toString()));

        assertEquals(
                List.of("gw-fra", "gw-nyc", "lon", "par"),
                config.apiKeys().stream().map(ApiKey::name).toList());
        assertEquals(ApiKey.of("par", "key-par-0004"), config.apiKeys().get(3));
    }

    @Test
    void keysFileAloneIsEnough(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "lon:key-lon-0003\n");

        GatewayConfig config =
                GatewayConfig.fromEnv(Map.of("INGEST_API_KEYS_FILE", file.toString()));

        assertEquals(List.of(ApiKey.of("lon", "key-lon-0003")), config.apiKeys());
    }

    @Test
    void badKeysFileLinesAreNamedWithoutTheKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "lon:key-lon-0003\nkey-without-name\n");
        Map<String, String> env = Map.of("INGEST_API_KEYS_FILE", file.toString());

        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.fromEnv(env));

        assertTrue(e.getMessage().contains("line 2 must be name:key"), e.getMessage());
        assertFalse(e.getMessage().contains("key-without-name"), e.getMessage());
        ConfigException missing =
                assertThrows(
                        ConfigException.class,
                        () ->
                                GatewayConfig.fromEnv(
                                        Map.of(
                                                "INGEST_API_KEYS_FILE",
                                                dir.resolve("absent").toString())));
        assertTrue(missing.getMessage().contains("cannot be read"), missing.getMessage());
    }

    @Test
    void aNameInBothTheEnvironmentAndTheFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "gw-fra:another-key\n");
        Map<String, String> env =
                Map.of("INGEST_API_KEYS", KEYS, "INGEST_API_KEYS_FILE", file.toString());

        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.fromEnv(env));

        assertTrue(e.getMessage().contains("'gw-fra' repeats"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "GATEWAY_PORT, 70000, GATEWAY_PORT must be an integer from 0 to 65535, got '70000'",
        "GATEWAY_PORT, http, GATEWAY_PORT must be an integer from 0 to 65535, got 'http'",
        "GATEWAY_HOST, ' ', GATEWAY_HOST must not be empty",
        "KAFKA_BOOTSTRAP_SERVERS, '', KAFKA_BOOTSTRAP_SERVERS must not be empty",
        "EVENTS_TOPIC, bad topic, EVENTS_TOPIC must be 1-249 characters of [A-Za-z0-9._-]",
        "INGEST_AUTH, basic, INGEST_AUTH must be 'bearer' or 'none', got 'basic'",
        "INGEST_MAX_BODY_BYTES, 0, INGEST_MAX_BODY_BYTES must be an integer from 1 to",
        "INGEST_MAX_EVENTS, -5, INGEST_MAX_EVENTS must be an integer from 1 to 1000000",
        "KAFKA_DELIVERY_TIMEOUT_MS, 10, KAFKA_DELIVERY_TIMEOUT_MS must be an integer from 100",
        "READY_CHECK_INTERVAL_MS, 1.5, READY_CHECK_INTERVAL_MS must be an integer from 100",
        "RETRY_AFTER_SECONDS, 0, RETRY_AFTER_SECONDS must be an integer from 1 to 3600",
        "KAFKA_PRODUCER_ACKS, 1, KAFKA_PRODUCER_ACKS cannot be overridden",
        "KAFKA_PRODUCER_ENABLE_IDEMPOTENCE, false, cannot be overridden",
        "DLQ_TOPIC, dlq topic, DLQ_TOPIC must be 1-249 characters of [A-Za-z0-9._-]",
        "INGEST_RATE_LIMIT, -1, INGEST_RATE_LIMIT must be an integer from 0 to",
        "INGEST_RATE_BURST, many, INGEST_RATE_BURST must be an integer from 0 to",
        "INGEST_MAX_INFLIGHT, 0, INGEST_MAX_INFLIGHT must be an integer from 1 to",
        "SHUTDOWN_TIMEOUT_MS, -1, SHUTDOWN_TIMEOUT_MS must be an integer from 0 to",
        "GATEWAY_ACCESS_LOG, yes, GATEWAY_ACCESS_LOG must be 'true' or 'false', got 'yes'",
        "GATEWAY_EVENT_LOOPS, 0, GATEWAY_EVENT_LOOPS must be an integer from 1 to 64",
        "GATEWAY_IDLE_TIMEOUT_MS, 50, GATEWAY_IDLE_TIMEOUT_MS must be an integer from 100 to",
        "GATEWAY_IDLE_TIMEOUT_MS, 4000, GATEWAY_IDLE_TIMEOUT_MS must be greater than"
                + " KAFKA_DELIVERY_TIMEOUT_MS (4000)",
        "GATEWAY_REQUEST_READ_TIMEOUT_MS, 0, GATEWAY_REQUEST_READ_TIMEOUT_MS must be an integer"
                + " from 100 to 600000",
        "GATEWAY_MAX_CONNECTIONS, 0, GATEWAY_MAX_CONNECTIONS must be an integer from 1 to",
    })
    void rejectsBadValuesNamingTheKey(String key, String value, String expectedMessage) {
        Map<String, String> env = new HashMap<>(Map.of("INGEST_API_KEYS", KEYS));
        env.put(key, value);

        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.fromEnv(env));

        assertTrue(
                e.getMessage().startsWith(expectedMessage)
                        || e.getMessage().contains(expectedMessage),
                e.getMessage());
    }

    @Test
    void bearerAuthNeedsAtLeastOneKey() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> GatewayConfig.fromEnv(Map.of()));

        assertTrue(e.getMessage().contains("INGEST_AUTH=none"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "nokey | entry 1 must be name:key",
                "a:k1,:k2 | entry 2 must be name:key",
                "a: | entry 1 must be name:key",
                "bad name:k | entry 1 must be name:key",
                "a:k1,a:k2 | names must be unique; 'a' repeats",
                "a:same,b:same | the key of 'b' is also used by another name",
            })
    void rejectsMalformedKeysWithoutEchoingThem(String keys, String expected) {
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> GatewayConfig.fromEnv(Map.of("INGEST_API_KEYS", keys)));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("same"), e.getMessage());
        assertFalse(e.getMessage().contains("k1"), e.getMessage());
    }

    @Test
    void keysAreHashedAndToStringMasksSecrets() {
        GatewayConfig config =
                GatewayConfig.fromEnv(
                        Map.of(
                                "INGEST_API_KEYS", KEYS,
                                "KAFKA_PRODUCER_SASL_JAAS_CONFIG", "user=\"u\" password=\"pw-123\"",
                                "KAFKA_PRODUCER_COMPRESSION_TYPE", "lz4"));

        String shown = config.toString();

        assertFalse(shown.contains("s3cret"), shown);
        assertFalse(shown.contains("pw-123"), shown);
        assertTrue(shown.contains("gw-fra:****"), shown);
        assertTrue(shown.contains("sasl.jaas.config=****"), shown);
        assertTrue(shown.contains("compression.type=lz4"), shown);
        assertEquals(ApiKey.of("gw-fra", "s3cret-key-fra-0001"), config.apiKeys().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "KAFKA_PRODUCER_SSL_KEYSTORE_KEY, ssl.keystore.key",
        "KAFKA_PRODUCER_SSL_KEY_PASSWORD, ssl.key.password",
        "KAFKA_PRODUCER_SSL_KEYSTORE_CERTIFICATE_CHAIN, ssl.keystore.certificate.chain",
        "KAFKA_PRODUCER_SSL_TRUSTSTORE_CERTIFICATES, ssl.truststore.certificates",
        "KAFKA_PRODUCER_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET,"
                + " sasl.oauthbearer.client.credentials.client.secret",
        "KAFKA_PRODUCER_SASL_LOGIN_PASSWD, sasl.login.passwd",
        "KAFKA_PRODUCER_SSL_PRIVATEKEY, ssl.privatekey",
        "KAFKA_PRODUCER_DELEGATION_TOKEN, delegation.token",
    })
    void toStringMasksEveryValueWhoseKeyNamesASecret(String env, String property) {
        GatewayConfig config =
                GatewayConfig.fromEnv(
                        Map.of(
                                "INGEST_API_KEYS",
                                KEYS,
                                env,
                                "-----BEGIN PRIVATE KEY----- zz-secret-value",
                                "KAFKA_PRODUCER_SSL_KEYSTORE_LOCATION",
                                "/etc/kafka/ks.p12"));

        String shown = config.toString();

        assertFalse(shown.contains("zz-secret-value"), shown);
        assertTrue(shown.contains(property + "=****"), shown);
        assertTrue(shown.contains("ssl.keystore.location=/etc/kafka/ks.p12"), shown);
    }

    @Test
    void everyCatalogKeyHasADescription() {
        for (GatewayKey key : GatewayKey.values()) {
            assertFalse(key.doc().isBlank(), key.name());
            assertFalse(key.envName().isBlank(), key.name());
        }
    }
}
