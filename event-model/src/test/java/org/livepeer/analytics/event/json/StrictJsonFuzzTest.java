package org.livepeer.analytics.event.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.livepeer.analytics.event.parse.SampleEvents;

/**
 * The strict reader on arbitrary bytes: a tree, or its documented {@link InvalidJsonException}; any
 * other exception is a finding. Seeded with the real samples (docs/testing.md, "Fuzzing").
 */
class StrictJsonFuzzTest {

    static Stream<byte[]> samples() {
        return SampleEvents.all().stream().map(SampleEvents.Sample::bytes);
    }

    @MethodSource("samples")
    @FuzzTest(maxDuration = "20s")
    void readsATreeOrRefuses(byte[] input) {
        try {
            assertNotNull(StrictJson.parse(input));
        } catch (InvalidJsonException e) {
            assertFalse(e.getMessage().isBlank(), "a refusal says why");
        }
    }
}
