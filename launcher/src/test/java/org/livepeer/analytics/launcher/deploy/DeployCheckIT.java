package org.livepeer.analytics.launcher.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs build-tools/check-deploy.sh: compose.yaml through dclint (the compose-spec schema and its
 * rules), the k6 scripts through tsc (checkJs against @types/k6) and node --check. An IT because it
 * runs node, and the first run fetches the pinned packages with npm (`./analytics test` installs
 * npm); later runs use .cache/deploy-check/ (docs/operations.md, "What is checked here").
 */
class DeployCheckIT {

    private static final Path SCRIPT = ComposeFile.ROOT.resolve("build-tools/check-deploy.sh");

    @Test
    void composeFileAndLoadTestsPassTheirCheckers() throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder("bash", SCRIPT.toAbsolutePath().normalize().toString())
                        .directory(ComposeFile.ROOT.toFile())
                        .redirectErrorStream(true)
                        .start();
        // Read before waiting, so that a full pipe cannot block the script.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        System.out.println(output);
        assertEquals(0, exited ? process.exitValue() : -1, "check-deploy.sh failed:\n" + output);
    }
}
