package org.livepeer.analytics.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.http.HttpMethod;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MethodGateTest {

    private final List<ErrorCode> refused = new CopyOnWriteArrayList<>();

    private TestServer serve(MethodGate gate) throws Exception {
        TestServer server = new TestServer();
        gate.install(server.router);
        server.router.route("/x").handler(ctx -> ctx.end("served"));
        new ErrorResponses(1, TestCode::forStatus).install(server.router);
        return server.listen();
    }

    @Test
    void knownOnlyLetsEveryKnownMethodThroughAndRefusesInventedOnes() throws Exception {
        try (TestServer server =
                serve(MethodGate.knownOnly(TestCode.METHOD_NOT_ALLOWED, refused::add))) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
                assertEquals("served", server.send(method, "/x").body(), method);
            }
            HttpResponse<String> brew = server.send("BREW", "/x");

            assertEquals(405, brew.statusCode());
            assertEquals(
                    "{\"error\":\"method_not_allowed\",\"message\":\"method_not_allowed\"}",
                    brew.body());
            assertFalse(brew.headers().firstValue("Allow").isPresent());
            assertEquals(List.of(TestCode.METHOD_NOT_ALLOWED), refused);
        }
    }

    @Test
    void onlyServesItsMethodsAndNamesThemInAllow() throws Exception {
        MethodGate gate =
                MethodGate.only(
                        Set.of(HttpMethod.GET, HttpMethod.OPTIONS),
                        TestCode.METHOD_NOT_ALLOWED,
                        TestCode.METHOD_NOT_IMPLEMENTED,
                        refused::add);
        try (TestServer server = serve(gate)) {
            HttpResponse<String> delete = server.send("DELETE", "/x");
            HttpResponse<String> brew = server.send("BREW", "/nowhere");
            HttpResponse<String> propfind = server.send("PROPFIND", "/x");

            assertEquals("served", server.send("GET", "/x").body());
            assertEquals(405, delete.statusCode());
            assertEquals("GET, OPTIONS", delete.headers().firstValue("Allow").orElse(""));
            assertEquals(501, brew.statusCode());
            assertEquals("GET, OPTIONS", brew.headers().firstValue("Allow").orElse(""));
            assertEquals(
                    "{\"error\":\"method_not_implemented\",\"message\":\"method_not_implemented\"}",
                    brew.body());
            // WebDAV's methods are not HTTP's: unknown here.
            assertEquals(501, propfind.statusCode());
            assertEquals(
                    List.of(
                            TestCode.METHOD_NOT_ALLOWED,
                            TestCode.METHOD_NOT_IMPLEMENTED,
                            TestCode.METHOD_NOT_IMPLEMENTED),
                    refused);
        }
    }

    @Test
    void tagsAreBoundedToTheKnownMethods() {
        assertEquals("GET", MethodGate.tag(HttpMethod.GET));
        assertEquals("PATCH", MethodGate.tag(HttpMethod.PATCH));
        assertEquals(MethodGate.OTHER, MethodGate.tag(HttpMethod.valueOf("BREW")));
        assertEquals(MethodGate.OTHER, MethodGate.tag(HttpMethod.PROPFIND));
    }

    @Test
    void anEmptyServedSetIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        MethodGate.only(
                                Set.of(), TestCode.METHOD_NOT_ALLOWED, TestCode.BAD, c -> {}));
    }
}
