package org.livepeer.analytics.bench.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: {@code connections} keep-alive HTTP/1.1 connections, each sending
 * its next request as soon as the previous one was answered (what {@code wrk} does). Throughput is
 * then whatever the server gives at that concurrency, and latency runs from a request's first byte
 * written to the end of its answer. Plain non-blocking sockets on the calling thread, one selector,
 * prebuilt request bytes, the status line and {@code Content-Length} read without building strings:
 * the generator shares the machine with the server, so it should cost little (cf. {@link
 * WireConnections}, which the open model needs for its queue of waiting requests).
 */
final class ClosedLoop {

    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final int READ_BUFFER = 64 * 1024;

    private final int port;
    private final List<ByteBuffer> requests;
    private int nextRequest;

    /**
     * @param requests the prebuilt requests (whole HTTP messages), sent in turn
     */
    ClosedLoop(int port, List<byte[]> requests) {
        this.port = port;
        this.requests = requests.stream().map(ByteBuffer::wrap).toList();
    }

    /**
     * Runs {@code connections} connections for {@code warmupS + measureS} seconds; counts only the
     * answers that arrive in the last {@code measureS}. Every request sent is in {@link
     * RunResult#requests()} (for CPU per request).
     */
    RunResult run(String target, BodyForm form, int connections, int warmupS, int measureS)
            throws IOException {
        long start = System.nanoTime();
        Tally tally =
                new Tally(
                        start + TimeUnit.SECONDS.toNanos(warmupS),
                        start + TimeUnit.SECONDS.toNanos(warmupS + measureS));
        try (Selector selector = Selector.open()) {
            List<Conn> conns = new ArrayList<>(connections);
            for (int i = 0; i < connections; i++) {
                conns.add(new Conn(selector));
            }
            for (Conn c : conns) {
                c.send(System.nanoTime());
            }
            int open = connections;
            long deadline = tally.endNanos + DRAIN_NANOS;
            while (open > 0 && System.nanoTime() < deadline) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    open -= ((Conn) key.attachment()).ready(key, tally) ? 0 : 1;
                }
                selector.selectedKeys().clear();
            }
            for (Conn c : conns) {
                c.channel.close();
            }
            // Requests never answered within the drain time are failures.
            tally.errors += open;
        }
        return tally.result(target, form, connections, measureS);
    }

    private ByteBuffer nextRequest() {
        ByteBuffer request = requests.get(nextRequest).duplicate();
        nextRequest = (nextRequest + 1) % requests.size();
        return request;
    }

    /** One connection with at most one request in flight. */
    private final class Conn {

        final SocketChannel channel;
        final SelectionKey key;
        final ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
        ByteBuffer out;
        long sentNanos;

        Conn(Selector selector) throws IOException {
            channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        void send(long now) throws IOException {
            sentNanos = now;
            out = nextRequest();
            channel.write(out);
            key.interestOps(
                    out.hasRemaining()
                            ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
                            : SelectionKey.OP_READ);
        }

        /** Handles readiness; false once this connection is finished (done or broken). */
        boolean ready(SelectionKey k, Tally tally) {
            try {
                return exchange(k, tally);
            } catch (IOException e) {
                // A broken connection fails its request and leaves the run.
                tally.answered(sentNanos, System.nanoTime(), false);
                k.cancel();
                return false;
            }
        }

        private boolean exchange(SelectionKey k, Tally tally) throws IOException {
            if (k.isWritable()) {
                channel.write(out);
                if (!out.hasRemaining()) {
                    k.interestOps(SelectionKey.OP_READ);
                }
            }
            if (!k.isReadable()) {
                return true;
            }
            if (channel.read(in) < 0) {
                throw new IOException("connection closed by the server");
            }
            int status = HttpAnswer.status(in);
            if (status == HttpAnswer.INCOMPLETE) {
                return true;
            }
            in.clear();
            long now = System.nanoTime();
            tally.answered(sentNanos, now, status >= 200 && status < 300);
            if (now >= tally.endNanos) {
                k.cancel();
                return false;
            }
            send(now);
            return true;
        }
    }

    /** Counts of one run, on the selector thread. */
    private static final class Tally {
        final long measureFromNanos;
        final long endNanos;
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long requests;
        long ok;
        long errors;

        Tally(long measureFromNanos, long endNanos) {
            this.measureFromNanos = measureFromNanos;
            this.endNanos = endNanos;
        }

        void answered(long sentNanos, long now, boolean succeeded) {
            requests++;
            if (now < measureFromNanos || now >= endNanos) {
                return;
            }
            if (succeeded) {
                ok++;
                latency.recordValue(now - sentNanos);
            } else {
                errors++;
            }
        }

        RunResult result(String target, BodyForm form, int connections, int measureS) {
            return new RunResult(
                    target,
                    form,
                    LoadModel.CLOSED,
                    connections,
                    ok / (double) measureS,
                    ok,
                    errors,
                    requests,
                    ms(latency.getValueAtPercentile(50)),
                    ms(latency.getValueAtPercentile(99)),
                    ms(latency.getValueAtPercentile(99.9)),
                    ms(latency.getMaxValue()),
                    Double.NaN,
                    Double.NaN,
                    Double.NaN);
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }
}
