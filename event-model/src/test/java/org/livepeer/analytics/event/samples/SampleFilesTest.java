package org.livepeer.analytics.event.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SampleFilesTest {

    @Test
    void typesNameEverySampleFileAndCountEveryLine() throws IOException, URISyntaxException {
        Path dir = Path.of(SampleFiles.class.getClassLoader().getResource("samples").toURI());
        List<String> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files =
                    listed.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".jsonl"))
                            .sorted()
                            .toList();
        }
        assertEquals(files, SampleFiles.FILES);
        assertEquals(SampleFiles.COUNT, SampleFiles.all().size());
        assertEquals(
                SampleFiles.COUNT,
                SampleFiles.byType().values().stream().mapToInt(List::size).sum());
    }

    @Test
    void aMissingFileIsNamed() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SampleFiles.lines("no_such_type"));
        assertEquals("missing test resource samples/no_such_type.jsonl", e.getMessage());
    }
}
