package org.livepeer.analytics.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @Test
    void generatesOnceAndReadsTheSameValuesBack(@TempDir Path home) throws Exception {
        Credentials first = Credentials.loadOrCreate(home);
        first.save(home, "http://127.0.0.1:8123");

        Credentials second = Credentials.loadOrCreate(home);

        assertEquals(first, second);
        assertNotEquals(first.ingestApiKey(), first.sseToken());
        String userFile = Files.readString(home.resolve(Credentials.USER_FILE));
        assertTrue(userFile.contains("INGEST_API_KEY=" + first.ingestApiKey()), userFile);
        assertTrue(userFile.contains("CLICKHOUSE_USER=reader"), userFile);
        assertTrue(userFile.contains("CLICKHOUSE_URL=http://127.0.0.1:8123"), userFile);
        assertFalse(
                userFile.contains(first.clickHouseAdminPassword()), "admin secret stays internal");
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(home.resolve(Credentials.USER_FILE))));
    }

    @Test
    void toStringHidesSecrets(@TempDir Path home) {
        Credentials c = Credentials.loadOrCreate(home);
        assertFalse(c.toString().contains(c.ingestApiKey()));
    }
}
