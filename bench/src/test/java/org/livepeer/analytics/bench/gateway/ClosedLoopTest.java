package org.livepeer.analytics.bench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The closed loop against a local HTTP server that answers every POST. */
class ClosedLoopTest {

    @Test
    void everyRequestSentIsAnsweredAndCounted() throws Exception {
        Vertx vertx = Vertx.vertx();
        AtomicInteger served = new AtomicInteger();
        try {
            HttpServer server =
                    vertx.createHttpServer()
                            .requestHandler(
                                    req ->
                                            req.body()
                                                    .onSuccess(
                                                            body -> {
                                                                served.incrementAndGet();
                                                                req.response()
                                                                        .setStatusCode(202)
                                                                        .end("{\"accepted\":1}");
                                                            }))
                            .listen(0, "127.0.0.1")
                            .await(30, TimeUnit.SECONDS);
            List<byte[]> requests = LoadMain.requests(BodyForm.SINGLE, "k");

            RunResult r =
                    new ClosedLoop(server.actualPort(), requests)
                            .run("noop", BodyForm.SINGLE, 4, 0, 1);

            assertEquals(LoadModel.CLOSED, r.model());
            assertEquals(4, r.load());
            assertEquals(0, r.errors());
            assertTrue(r.ok() > 0, "answered " + r.ok());
            // Every request sent was answered (the loop waits for the last ones).
            assertEquals(served.get(), r.requests());
            assertTrue(r.p50Ms() > 0 && r.p50Ms() <= r.p99Ms(), r.line());
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }
}
