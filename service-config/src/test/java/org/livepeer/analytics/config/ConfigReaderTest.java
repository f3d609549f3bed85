package org.livepeer.analytics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {

    private static final ConfigReader DEFAULTS = new ConfigReader(Map.of());

    @Test
    void defaultsApplyWhenUnset() {
        assertEquals("abc", DEFAULTS.nonEmpty(TestKey.NAME));
        assertEquals(7, DEFAULTS.integer(TestKey.COUNT, 0, 10));
        assertEquals(5_000_000_000L, DEFAULTS.longValue(TestKey.BIG, 0, Long.MAX_VALUE));
        assertEquals(
                Duration.ofMillis(250),
                DEFAULTS.duration(TestKey.WAIT_MS, ChronoUnit.MILLIS, 0, 1000));
        assertTrue(DEFAULTS.bool(TestKey.FLAG));
        assertEquals(
                TestKey.Mode.COMMITTED_OR_EARLIEST,
                DEFAULTS.oneOf(TestKey.MODE, TestKey.Mode.class));
        assertEquals(List.of("a", "b", "c"), DEFAULTS.list(TestKey.ITEMS));
        assertEquals("", DEFAULTS.string(TestKey.EMPTY));
        assertFalse(DEFAULTS.isSet(TestKey.NAME));
    }

    @Test
    void setValuesWinAndAreTrimmed() {
        ConfigReader r =
                new ConfigReader(
                        Map.of(
                                "NAME", " xyz ",
                                "COUNT", "10",
                                "FLAG", "FALSE",
                                "MODE", "Latest",
                                "ITEMS", "",
                                "REQUIRED", "here"));
        assertEquals("xyz", r.nonEmpty(TestKey.NAME));
        assertEquals(10, r.integer(TestKey.COUNT, 0, 10));
        assertFalse(r.bool(TestKey.FLAG));
        assertEquals(TestKey.Mode.LATEST, r.oneOf(TestKey.MODE, TestKey.Mode.class));
        assertEquals(List.of(), r.list(TestKey.ITEMS));
        assertEquals("here", r.raw(TestKey.REQUIRED));
        assertTrue(r.isSet(TestKey.NAME));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "COUNT | 11 | COUNT must be an integer from 0 to 10, got '11'",
                "COUNT | ten | COUNT must be an integer from 0 to 10, got 'ten'",
                "COUNT | 1.5 | COUNT must be an integer from 0 to 10, got '1.5'",
                "FLAG | yes | FLAG must be 'true' or 'false', got 'yes'",
                "MODE | first | MODE must be one of 'committed-or-earliest', 'latest', 'earliest',"
                        + " got 'first'",
                "NAME | '  ' | NAME must not be empty",
            })
    void errorsNameTheKeyAndTheValue(String key, String value, String expected) {
        ConfigReader r = new ConfigReader(Map.of(key, value));
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> {
                            switch (TestKey.valueOf(key)) {
                                case COUNT -> r.integer(TestKey.COUNT, 0, 10);
                                case FLAG -> r.bool(TestKey.FLAG);
                                case MODE -> r.oneOf(TestKey.MODE, TestKey.Mode.class);
                                default -> r.nonEmpty(TestKey.valueOf(key));
                            }
                        });
        assertEquals(expected, e.getMessage());
    }

    @Test
    void aTwoValueEnumReadsAsEitherOr() {
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () ->
                                new ConfigReader(Map.of("MODE", "basic"))
                                        .oneOf(TestKey.MODE, TestKey.Auth.class));
        assertEquals("MODE must be 'bearer' or 'none', got 'basic'", e.getMessage());
    }

    @Test
    void aKeyWithoutDefaultMustBeSet() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> DEFAULTS.raw(TestKey.REQUIRED));
        assertEquals("REQUIRED must be set", e.getMessage());
    }

    @Test
    void aSecretValueIsMaskedInErrors() {
        ConfigReader r = new ConfigReader(Map.of("API_PASSWORD", "hunter2-secret"));
        ConfigException e =
                assertThrows(ConfigException.class, () -> r.integer(TestKey.API_PASSWORD, 0, 1));
        assertEquals("API_PASSWORD must be an integer from 0 to 1, got '****'", e.getMessage());
        assertTrue(TestKey.API_PASSWORD.secret());
        assertFalse(TestKey.NAME.secret());
    }

    @Test
    void aRenamedVariableFailsNamingItsReplacement() {
        ConfigReader r = new ConfigReader(Map.of("OLD_TOPIC", "x"));
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> r.rejectRenamed("OLD_TOPIC", KafkaKey.EVENTS_TOPIC));
        assertTrue(e.getMessage().startsWith("OLD_TOPIC was renamed: set EVENTS_TOPIC instead"));
        DEFAULTS.rejectRenamed("OLD_TOPIC", KafkaKey.EVENTS_TOPIC);
    }

    @Test
    void configExceptionIsAnIllegalArgument() {
        assertTrue(new ConfigException("x") instanceof IllegalArgumentException);
    }

    @Test
    void prefixedVariablesComeWithoutThePrefix() {
        ConfigReader r = new ConfigReader(Map.of("P_A", "1", "P_B_C", "2", "P_", "3", "Q_A", "4"));
        assertEquals(Map.of("A", "1", "B_C", "2"), r.withPrefix("P_"));
    }
}
