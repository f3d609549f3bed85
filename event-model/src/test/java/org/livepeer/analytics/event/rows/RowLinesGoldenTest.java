package org.livepeer.analytics.event.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.parse.SampleEvents;
import org.livepeer.analytics.event.parse.SampleEvents.Sample;

/**
 * Pins the exact JSONEachRow text of every row of every sample, byte for byte: {@code
 * row-lines.sha256.tsv} holds, per sample, its row count and the SHA-256 of its lines joined by
 * {@code \n}. The table was generated from the two-pass renderer (row serialised alone, then
 * spliced after the meta columns) that {@link RowJson} replaced, so any change to the text a
 * ClickHouse table receives shows up here. When a change is intended, the failure message is the
 * new table.
 */
class RowLinesGoldenTest {

    private static final String TABLE = "row-lines.sha256.tsv";

    @Test
    void everySampleRendersTheSameLinesAsBefore() throws IOException {
        StringBuilder actual = new StringBuilder();
        for (Sample sample : SampleEvents.all()) {
            actual.append(entry(sample)).append('\n');
        }
        assertEquals(expected(), actual.toString(), actual::toString);
    }

    private static String entry(Sample sample) {
        Envelope e = SampleEvents.envelope(SampleEvents.parse(sample.bytes()));
        EventMeta meta = new EventMeta(e.id(), e.type(), e.timestampMs(), e.gateway(), "golden");
        List<TypedRow> rows = SampleEvents.rowsOf(SampleEvents.parse(sample.bytes()));
        StringBuilder lines = new StringBuilder();
        for (TypedRow row : rows) {
            lines.append(RowJson.line(meta, row)).append('\n');
        }
        return sample + "\t" + rows.size() + "\t" + sha256(lines.toString());
    }

    private static String expected() throws IOException {
        try (InputStream in =
                RowLinesGoldenTest.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
