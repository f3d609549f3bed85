package org.livepeer.analytics.clickhouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerVersionTest {

    @ParameterizedTest
    @CsvSource({
        "18.16.1, 18, 16, 1, 0, 18.16.1",
        "24.8.4.13, 24, 8, 4, 13, 24.8.4.13",
        "26.7.2.1, 26, 7, 2, 1, 26.7.2.1",
        "'19.6', 19, 6, 0, 0, 19.6.0",
        "' 18.16.1\n', 18, 16, 1, 0, 18.16.1"
    })
    void parsesReleaseStrings(
            String text, int major, int minor, int patch, int build, String shown) {
        ServerVersion v = ServerVersion.parse(text);
        assertEquals(new ServerVersion(major, minor, patch, build), v);
        assertEquals(shown, v.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "18", "18.", "a.b", "18.16.1.2.3", "18.-1", "v18.16", "18.16-beta"})
    void rejectsWhatIsNotAVersion(String text) {
        assertThrows(IllegalArgumentException.class, () -> ServerVersion.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
        "18.16.1, 18, 16, true",
        "18.16.1, 18, 17, false",
        "18.16.1, 19, 0, false",
        "18.16.1, 1, 99, true",
        "24.8.4.13, 19, 6, true",
        "24.8.4.13, 24, 8, true",
        "24.8.4.13, 24, 9, false",
        "26.7.2.1, 21, 11, true"
    })
    void comparesAgainstMajorMinor(String version, int major, int minor, boolean expected) {
        assertEquals(expected, ServerVersion.parse(version).atLeast(major, minor));
    }

    @Test
    void ordersComponentByComponentNotAsText() {
        assertTrue(ServerVersion.parse("18.16.1").compareTo(ServerVersion.parse("9.99.99")) > 0);
        assertTrue(ServerVersion.parse("24.8.4.13").compareTo(ServerVersion.parse("24.8.4.2")) > 0);
        assertEquals(0, ServerVersion.parse("19.6").compareTo(ServerVersion.parse("19.6.0.0")));
        assertFalse(ServerVersion.parse("19.5.9").atLeast(ServerVersion.parse("19.6")));
    }
}
