package org.livepeer.analytics.event.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor's whole path on arbitrary record values: every input ends as typed rows or one
 * classified error, and nothing throws (docs/testing.md, "Fuzzing"). Seeded with the real samples.
 */
class EventClassificationFuzzTest {

    static Stream<byte[]> samples() {
        return SampleEvents.all().stream().map(SampleEvents.Sample::bytes);
    }

    @MethodSource("samples")
    @FuzzTest(maxDuration = "20s")
    void everyRecordIsClassified(byte[] value) {
        Classified.of(value).assertWellFormed();
    }
}
