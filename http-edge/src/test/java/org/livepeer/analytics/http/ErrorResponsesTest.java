package org.livepeer.analytics.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        ErrorResponses errors = new ErrorResponses(7, TestCode::forStatus);
        server.router
                .get("/api")
                .handler(ctx -> ctx.fail(new ApiException(TestCode.BAD, "the \"x\" is wrong")));
        server.router
                .get("/busy")
                .handler(ctx -> ctx.fail(new ApiException(TestCode.BUSY, "later")));
        server.router
                .get("/busy-for-3")
                .handler(ctx -> ctx.fail(new ApiException(TestCode.BUSY, "later", null, 3)));
        server.router
                .get("/who")
                .handler(ctx -> ctx.fail(new ApiException(TestCode.UNAUTHORIZED, "token")));
        server.router.get("/big").handler(ctx -> ctx.fail(413));
        server.router
                .get("/bug")
                .handler(
                        ctx -> {
                            throw new IllegalStateException("a bug");
                        });
        server.router.get("/direct").handler(ctx -> errors.send(ctx, TestCode.BAD, "direct"));
        server.router.post("/only-post").handler(ctx -> ctx.end("ok"));
        errors.install(server.router);
        server.listen();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void anApiExceptionIsTheOneJsonShapeByteForByte() throws Exception {
        HttpResponse<String> r = server.send("GET", "/api");

        assertEquals(400, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"error\":\"bad\",\"message\":\"the \\\"x\\\" is wrong\"}", r.body());
        assertFalse(r.headers().firstValue("Retry-After").isPresent());
        assertEquals(
                "{\"error\":\"bad\",\"message\":\"direct\"}", server.send("GET", "/direct").body());
    }

    @Test
    void retryableAnswersCarryRetryAfterTheFailuresOwnOrTheDefault() throws Exception {
        HttpResponse<String> fallback = server.send("GET", "/busy");
        HttpResponse<String> own = server.send("GET", "/busy-for-3");

        assertEquals(503, fallback.statusCode());
        assertEquals("7", fallback.headers().firstValue("Retry-After").orElse(""));
        assertEquals("3", own.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void unauthorizedAsksForABearerToken() throws Exception {
        HttpResponse<String> r = server.send("GET", "/who");

        assertEquals(401, r.statusCode());
        assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("{\"error\":\"unauthorized\",\"message\":\"token\"}", r.body());
    }

    @Test
    void statusesVertxSetsMapToTheServicesCodesWithTheirDefaultMessages() throws Exception {
        String[][] cases = {
            {
                "GET",
                "/big",
                "413",
                "{\"error\":\"payload_too_large\",\"message\":\"payload_too_large\"}"
            },
            {
                "GET",
                "/nothing",
                "404",
                "{\"error\":\"not_found\",\"message\":\"no such endpoint\"}"
            },
            {
                "GET",
                "/only-post",
                "405",
                "{\"error\":\"method_not_allowed\",\"message\":\"method_not_allowed\"}"
            },
            {"GET", "/bug", "500", "{\"error\":\"internal_error\",\"message\":\"internal_error\"}"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = server.send(c[0], c[1]);
            assertEquals(Integer.parseInt(c[2]), r.statusCode(), c[1]);
            assertEquals(c[3], r.body(), c[1]);
        }
    }

    @Test
    void aRetryAfterBelowOneSecondIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> new ErrorResponses(0, TestCode::forStatus));
    }
}
