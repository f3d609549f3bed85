package org.livepeer.analytics.launcher.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.gateway.GatewayMain;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * compose.yaml against the code it deploys (docs/operations.md, "What is checked here"): every
 * variable a service of ours is given is one it reads (its key catalogs, docs/configuration.md),
 * every image is pinned, every healthcheck of the gateway and the SSE API asks for an endpoint they
 * serve, and .env.example documents exactly the variables compose.yaml interpolates. The schema and
 * style of the file are dclint's job (build-tools/check-deploy.sh, {@code DeployCheckIT}).
 */
class ComposeFileTest {

    /** The deployed health paths: what the gateway's OpenAPI document publishes. */
    private static final String OPENAPI = "/org/livepeer/analytics/gateway/ingest/openapi.json";

    private static final Pattern HTTP_READY =
            Pattern.compile("\"http-ready\",\\s*\"(\\d+)\",\\s*\"(/[^\"]*)\"");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");

    private static ComposeFile compose;

    @BeforeAll
    static void read() throws IOException {
        compose = ComposeFile.read();
    }

    @Test
    void everyServiceIsOursOrAnImageThatReadsItsOwnVariables() {
        for (String service : compose.services().keySet()) {
            assertTrue(
                    DeployedServices.OURS.containsKey(service)
                            || DeployedServices.THIRD_PARTY.contains(service),
                    "compose.yaml service '"
                            + service
                            + "' is in neither DeployedServices.OURS (with the catalogs it reads)"
                            + " nor DeployedServices.THIRD_PARTY");
        }
    }

    @Test
    void everyVariableOurServicesAreGivenIsOneTheyRead() {
        List<String> unread = new ArrayList<>();
        DeployedServices.OURS.forEach(
                (service, reads) -> {
                    assertTrue(
                            compose.services().containsKey(service),
                            "compose.yaml has no service " + service);
                    for (String var : compose.environment(service).keySet()) {
                        if (!reads.reads(var)) {
                            unread.add(service + ": " + var);
                        }
                    }
                });
        assertTrue(
                unread.isEmpty(),
                "variables no catalog of their service declares (a typo, or a key that was"
                        + " renamed or removed; docs/configuration.md): "
                        + unread);
    }

    @Test
    void everyImageIsPinned() throws IOException {
        List<String> images = new ArrayList<>();
        compose.services()
                .forEach(
                        (service, def) -> {
                            Object image = def.get("image");
                            assertTrue(image != null, service + " has no image");
                            images.add(compose.interpolate(String.valueOf(image)));
                        });
        try (Stream<Path> dockerfiles = Files.walk(ComposeFile.ROOT.resolve("deploy"))) {
            for (Path file : dockerfiles.filter(p -> p.endsWith("Dockerfile")).toList()) {
                Matcher m = FROM.matcher(Files.readString(file));
                while (m.find()) {
                    images.add(m.group(1));
                }
            }
        }
        for (String image : images) {
            assertTrue(DeployedServices.isPinned(image), "not pinned to a version: " + image);
        }
    }

    @Test
    void healthchecksAskForEndpointsTheServicesServe() throws IOException {
        Set<String> served = healthPaths();
        Map<String, String> portKeys =
                Map.of("ingest-gateway", "GATEWAY_PORT", "sse-api", "SSE_PORT");
        for (Map.Entry<String, String> service : portKeys.entrySet()) {
            Map<String, Object> def = compose.services().get(service.getKey());
            String port = compose.environment(service.getKey()).get(service.getValue());
            assertTrue(port != null, service.getKey() + " sets no " + service.getValue());
            List<?> test =
                    (List<?>) ComposeFile.asMap(def.get("healthcheck"), "healthcheck").get("test");
            assertEquals(
                    List.of("CMD", "http-ready", port),
                    test.subList(0, 3),
                    service.getKey()
                            + ": the healthcheck must ask the port the service listens on");
            assertTrue(
                    served.contains(String.valueOf(test.get(3))),
                    service.getKey() + " checks " + test.get(3) + ", not one of " + served);
            Path dockerfile =
                    ComposeFile.ROOT.resolve(
                            String.valueOf(
                                    ComposeFile.asMap(def.get("build"), "build")
                                            .get("dockerfile")));
            Matcher m = HTTP_READY.matcher(Files.readString(dockerfile));
            assertTrue(m.find(), dockerfile + " has no HEALTHCHECK with http-ready");
            assertEquals(port, m.group(1), dockerfile + ": HEALTHCHECK port");
            assertTrue(served.contains(m.group(2)), dockerfile + " checks " + m.group(2));
        }
    }

    @Test
    void envExampleListsExactlyTheVariablesComposeUses() {
        Set<String> used = new TreeSet<>(compose.interpolatedVariables());
        Set<String> listed = new TreeSet<>(compose.envExample().keySet());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(listed);
        Set<String> unused = new TreeSet<>(listed);
        unused.removeAll(used);
        assertTrue(missing.isEmpty(), "compose.yaml uses, .env.example does not list: " + missing);
        assertTrue(unused.isEmpty(), ".env.example lists, compose.yaml does not use: " + unused);
    }

    @Test
    void aRenamedKeyFails() {
        ComposeFile renamed =
                ComposeFile.parse(
                        "services:\n  ingest-gateway:\n    environment:\n      GATEWAY_PROT: '8080'\n",
                        List.of());
        assertEquals(Set.of("GATEWAY_PROT"), renamed.environment("ingest-gateway").keySet());
        assertFalse(DeployedServices.OURS.get("ingest-gateway").reads("GATEWAY_PROT"));
        assertTrue(DeployedServices.OURS.get("ingest-gateway").reads("GATEWAY_PORT"));
        assertTrue(DeployedServices.OURS.get("sse-api").reads("KAFKA_CONSUMER_MAX_POLL_RECORDS"));
        assertFalse(DeployedServices.OURS.get("sse-api").reads("KAFKA_PRODUCER_LINGER_MS"));
    }

    @Test
    void tagsThatAreNotPinsFail() {
        for (String image : List.of("flink", "flink:latest", "grafana/grafana", "host:5000/x")) {
            assertFalse(DeployedServices.isPinned(image), image);
        }
        for (String image : List.of("flink:2.2.0-java17", "host:5000/x:1.2", "a/b:1@sha256:ab")) {
            assertTrue(DeployedServices.isPinned(image), image);
        }
    }

    /**
     * /health and /ready as the gateway's OpenAPI document lists them; the SSE API mounts the same
     * routes (http-edge's HealthRoutes, docs/live-metrics.md, section 4).
     */
    private static Set<String> healthPaths() throws IOException {
        try (InputStream in = GatewayMain.class.getResourceAsStream(OPENAPI)) {
            assertTrue(in != null, OPENAPI + " is not on the class path");
            Map<String, Object> doc =
                    ComposeFile.asMap(
                            new Yaml(new SafeConstructor(new LoaderOptions())).load(in), OPENAPI);
            Set<String> paths =
                    new TreeSet<>(ComposeFile.asMap(doc.get("paths"), "paths").keySet());
            paths.retainAll(Set.of("/health", "/ready"));
            assertEquals(Set.of("/health", "/ready"), paths, OPENAPI);
            return paths;
        }
    }
}
