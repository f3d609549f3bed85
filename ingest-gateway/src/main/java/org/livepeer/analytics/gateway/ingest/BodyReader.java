package org.livepeer.analytics.gateway.ingest;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.livepeer.analytics.http.ApiException;

/**
 * Reads the request body as it streams in, inflating gzip on the fly, and stops at the limit: the
 * limit applies to the decompressed size, and the compressed input is bounded by the same limit. On
 * success the body's bytes are in {@link #BODY} and the next handler runs; over the limit the
 * request fails with 413 at once and, when the upload is not over yet, the answer says {@code
 * Connection: close} and the connection is closed once it is written, so the rest of an oversized
 * upload is never read.
 */
final class BodyReader implements Handler<RoutingContext> {

    /** Routing-context key holding the decoded body ({@code byte[]}). */
    static final String BODY = "ingest.body";

    private final long limit;

    BodyReader(long limit) {
        this.limit = limit;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        boolean gzip = Boolean.TRUE.equals(ctx.get(RequestChecks.GZIP));
        Reading reading = new Reading(ctx, new BoundedBytes(limit), gzip, limit);
        request.handler(reading::chunk);
        request.endHandler(v -> reading.end());
        request.exceptionHandler(err -> reading.abort());
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            ctx.response().writeContinue();
        }
        request.resume();
    }

    /** One request's body in progress. */
    private static final class Reading {
        private final RoutingContext ctx;
        private final BoundedBytes body;
        private final GzipDecoder gzip;
        private final BoundedBytes wire;
        private boolean done;

        Reading(RoutingContext ctx, BoundedBytes body, boolean gzip, long limit) {
            this.ctx = ctx;
            this.body = body;
            this.gzip = gzip ? new GzipDecoder(body) : null;
            // Compressed input is bounded too: empty deflate blocks inflate to nothing.
            this.wire = gzip ? new BoundedBytes(limit) : null;
        }

        void chunk(Buffer chunk) {
            if (done) {
                return;
            }
            try {
                if (gzip == null) {
                    body.append(chunk);
                } else {
                    wire.check(chunk.length());
                    gzip.feed(chunk.getBytes());
                }
            } catch (ApiException e) {
                fail(e);
            }
        }

        void end() {
            if (done) {
                return;
            }
            try {
                if (gzip != null) {
                    gzip.finish();
                    gzip.close();
                }
            } catch (ApiException e) {
                fail(e);
                return;
            }
            done = true;
            ctx.put(BODY, body.bytes());
            ctx.next();
        }

        void abort() {
            // The client went away mid-body; there is no one to answer.
            done = true;
            if (gzip != null) {
                gzip.close();
            }
        }

        private void fail(ApiException e) {
            done = true;
            if (gzip != null) {
                gzip.close();
            }
            HttpServerRequest request = ctx.request();
            if (!request.isEnded()) {
                // The connection will be closed under the client: say so, or a keep-alive pool
                // (the JDK's HttpClient, for one) sends its next request on it and gets nothing.
                ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
            ctx.addEndHandler(
                    ar -> {
                        if (!request.isEnded()) {
                            request.connection().close();
                        }
                    });
            ctx.fail(e);
        }
    }
}
