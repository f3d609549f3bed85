package org.livepeer.analytics.sse.fanout;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's socket as {@link Subscriber} sees it: the response and the connection, with the
 * socket's write queue under the test's control. A hand-written fake over the few methods the
 * subscriber calls (a proxy, because the two interfaces have dozens); any other call fails.
 */
final class FakeSocket implements InvocationHandler {

    /** What the response was given, in order. */
    final List<Buffer> written = new ArrayList<>();

    /** Writes the socket has not taken yet, when {@link #holdWrites} is set. */
    final List<Promise<Void>> held = new ArrayList<>();

    boolean holdWrites;
    boolean full;
    boolean ended;
    boolean connectionClosed;
    private Handler<Void> drain;

    final HttpServerResponse response =
            (HttpServerResponse)
                    Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {HttpServerResponse.class},
                            this);

    final HttpConnection connection =
            (HttpConnection)
                    Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {HttpConnection.class},
                            (proxy, method, args) -> {
                                if (method.getName().equals("close") && args == null) {
                                    connectionClosed = true;
                                    return Future.succeededFuture();
                                }
                                throw new UnsupportedOperationException(method.toString());
                            });

    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "drainHandler":
                drain = (Handler<Void>) args[0];
                return proxy;
            case "writeQueueFull":
                return full;
            case "write":
                if (args.length == 1 && args[0] instanceof Buffer data) {
                    written.add(data);
                    if (!holdWrites) {
                        return Future.succeededFuture();
                    }
                    Promise<Void> taken = Promise.promise();
                    held.add(taken);
                    return taken.future();
                }
                break;
            case "end":
                if (args == null) {
                    ended = true;
                    return Future.succeededFuture();
                }
                break;
            default:
                break;
        }
        throw new UnsupportedOperationException(method.toString());
    }

    /** The socket took everything: its queue has room again. */
    void drain() {
        full = false;
        held.forEach(Promise::complete);
        held.clear();
        drain.handle(null);
    }

    /** Everything written, as text. */
    String text() {
        StringBuilder b = new StringBuilder();
        written.forEach(w -> b.append(w.toString()));
        return b.toString();
    }
}
