package org.livepeer.analytics.clickhouse.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livepeer.analytics.clickhouse.http.ServerVersion;

class MigrationTest {

    @Test
    void splitsOnSemicolonAtEndOfLineAndDropsCommentLines() {
        String sql =
                "-- header comment\n"
                        + "CREATE TABLE a\n"
                        + "(\n"
                        + "    -- a column comment\n"
                        + "    x String -- trailing comment stays\n"
                        + ")\n"
                        + "ENGINE = MergeTree ORDER BY x;\n"
                        + "\n"
                        + "  -- requires: 19.6\n"
                        + "ALTER TABLE a MODIFY TTL toDate(0) + 1;  \n"
                        + "SELECT ';' FROM a\n";
        Migration m = Migration.parse("V007__things.sql", sql);

        assertEquals(7, m.version());
        assertEquals("things", m.name());
        assertEquals("V007__things", m.label());
        List<MigrationStatement> s = m.statements();
        assertEquals(3, s.size());
        assertEquals(
                "CREATE TABLE a\n(\n    x String -- trailing comment stays\n)\nENGINE = MergeTree ORDER BY x",
                s.get(0).sql());
        assertEquals(Optional.empty(), s.get(0).requires());
        assertEquals("ALTER TABLE a MODIFY TTL toDate(0) + 1", s.get(1).sql());
        assertEquals(Optional.of(ServerVersion.parse("19.6")), s.get(1).requires());
        assertEquals("SELECT ';' FROM a", s.get(2).sql());
        assertEquals(Optional.empty(), s.get(2).requires());
    }

    @Test
    void requirementGatesOnServerVersion() {
        Migration m = Migration.parse("V001__x.sql", "-- requires: 19.6\nSELECT 1;\n");
        MigrationStatement st = m.statements().get(0);
        assertTrue(st.runsOn(ServerVersion.parse("24.8.4.13")));
        assertTrue(st.runsOn(ServerVersion.parse("19.6.1")));
        assertEquals(false, st.runsOn(ServerVersion.parse("18.16.1")));
    }

    @Test
    void requirementInsideAStatementAppliesToIt() {
        Migration m =
                Migration.parse(
                        "V001__x.sql", "CREATE TABLE t (\n-- requires: 20.1\nx UInt8);\nSELECT 1;");
        assertEquals(Optional.of(ServerVersion.parse("20.1")), m.statements().get(0).requires());
        assertEquals(Optional.empty(), m.statements().get(1).requires());
    }

    @Test
    void checksumIgnoresLineEndingsButNotContent() {
        String lf = Migration.parse("V001__x.sql", "SELECT 1;\nSELECT 2;\n").checksum();
        String crlf = Migration.parse("V001__x.sql", "SELECT 1;\r\nSELECT 2;\r\n").checksum();
        String other = Migration.parse("V001__x.sql", "SELECT 1;\nSELECT 3;\n").checksum();
        assertEquals(lf, crlf);
        assertNotEquals(lf, other);
        assertEquals(64, lf.length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"V1__x.sql", "001__x.sql", "V001_x.sql", "V001__x.SQL", "V001__a-b.sql"})
    void rejectsFileNamesOutsideTheConvention(String name) {
        MigrationException e =
                assertThrows(MigrationException.class, () -> Migration.parse(name, "SELECT 1;"));
        assertTrue(e.getMessage().contains(name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-- requires: 19\nSELECT 1;",
                "-- requires 19.6\nSELECT 1;",
                "SELECT 1;\n-- requires: 19.6\n"
            })
    void rejectsMalformedOrDanglingRequirements(String sql) {
        assertThrows(MigrationException.class, () -> Migration.parse("V001__x.sql", sql));
    }
}
