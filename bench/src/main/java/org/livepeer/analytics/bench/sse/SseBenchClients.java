package org.livepeer.analytics.bench.sse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.livepeer.analytics.bench.ProcessCpu;

/**
 * The client side of {@link SseFanoutBench}, in its own JVM (each process may hold only {@code
 * ulimit -n} sockets). Prints {@code READY opened} once every client has its status line, then
 * {@code RESULT delivered p50 p99 max connectSeconds complete cpuMs} (latencies in ms) after the
 * expected messages or a timeout: {@code complete} is the number of clients that got exactly every
 * message, {@code cpuMs} the CPU time this process used from READY to RESULT. Each message's
 * latency is its receipt time minus the Kafka record timestamp it carries ({@code "ts"}).
 *
 * <p>The clients are plain non-blocking sockets on a few selector threads, one read into one buffer
 * per readiness, no framework: in production the readers are browsers on other machines, so here
 * they should take as little of the two shared cores as they can (a Vert.x client cost about twice
 * as much CPU per frame).
 *
 * <p>Arguments: {@code port clients messages token [threads]}.
 */
public final class SseBenchClients {

    /** Connections a selector thread has in flight before it opens more. */
    private static final int CONNECT_WAVE = 200;

    private SseBenchClients() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        int messages = Integer.parseInt(args[2]);
        long expected = (long) clients * messages;
        byte[] request = SseWireClient.request("/v1/live/metrics?access_token=" + args[3]);
        int threads =
                args.length > 4
                        ? Integer.parseInt(args[4])
                        : Runtime.getRuntime().availableProcessors();
        Recorder recorder = new Recorder(3);
        AtomicLong delivered = new AtomicLong();
        AtomicIntegerArray perClient = new AtomicIntegerArray(clients);
        Counts counts = new Counts();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            List<SseWireClient> mine = new ArrayList<>();
            for (int i = t; i < clients; i += threads) {
                mine.add(new SseWireClient(recorder, delivered, perClient, i));
            }
            Thread loop =
                    new Thread(new SelectorLoop(port, request, mine, counts), "sse-clients-" + t);
            loop.setDaemon(true);
            loop.start();
        }
        long connectDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (counts.settled() < clients && System.nanoTime() < connectDeadline) {
            Thread.sleep(20);
        }
        double connectS = (System.nanoTime() - t0) / 1e9;
        recorder.getIntervalHistogram();
        System.out.println("READY " + counts.opened.get());
        System.out.flush();
        long cpu0 = ProcessCpu.nanos();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (delivered.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long cpuMs = (ProcessCpu.nanos() - cpu0) / 1_000_000;
        Histogram h = recorder.getIntervalHistogram();
        System.out.printf(
                "RESULT %d %.1f %.1f %.1f %.1f %d %d%n",
                delivered.get(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0,
                connectS,
                complete(perClient, messages),
                cpuMs);
        System.out.flush();
        System.exit(0);
    }

    /** Clients that received exactly every message, no more, no fewer. */
    private static int complete(AtomicIntegerArray perClient, int messages) {
        int complete = 0;
        for (int i = 0; i < perClient.length(); i++) {
            if (perClient.get(i) == messages) {
                complete++;
            }
        }
        return complete;
    }

    /** Connections that got a 200, and those that failed or were refused. */
    private static final class Counts {
        final AtomicLong opened = new AtomicLong();
        final AtomicLong failed = new AtomicLong();

        long settled() {
            return opened.get() + failed.get();
        }
    }

    /** One selector thread: opens its clients in waves, then reads whatever is ready. */
    private static final class SelectorLoop implements Runnable {
        private final InetSocketAddress server;
        private final byte[] request;
        private final List<SseWireClient> clients;
        private final Counts counts;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        private int next;
        private int connecting;

        SelectorLoop(int port, byte[] request, List<SseWireClient> clients, Counts counts) {
            this.server = new InetSocketAddress("127.0.0.1", port);
            this.request = request;
            this.clients = clients;
            this.counts = counts;
        }

        @Override
        public void run() {
            try (Selector selector = Selector.open()) {
                while (true) {
                    while (connecting < CONNECT_WAVE && next < clients.size()) {
                        connect(selector, clients.get(next++));
                    }
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        handle(key);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void connect(Selector selector, SseWireClient client) throws IOException {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(server);
            channel.register(selector, SelectionKey.OP_CONNECT, client);
            connecting++;
        }

        private void handle(SelectionKey key) {
            SseWireClient client = (SseWireClient) key.attachment();
            SocketChannel channel = (SocketChannel) key.channel();
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    ByteBuffer out = ByteBuffer.wrap(request);
                    while (out.hasRemaining()) {
                        channel.write(out);
                    }
                    key.interestOps(SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    read(key, channel, client);
                }
            } catch (IOException e) {
                close(key, client);
            }
        }

        private void read(SelectionKey key, SocketChannel channel, SseWireClient client)
                throws IOException {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                close(key, client);
                return;
            }
            buffer.flip();
            SseWireClient.Status before = client.status();
            client.onBytes(buffer);
            if (before == SseWireClient.Status.PENDING) {
                settle(client.status());
            }
        }

        private void settle(SseWireClient.Status status) {
            if (status == SseWireClient.Status.OK) {
                counts.opened.incrementAndGet();
                connecting--;
            } else if (status == SseWireClient.Status.REFUSED) {
                counts.failed.incrementAndGet();
                connecting--;
            }
        }

        private void close(SelectionKey key, SseWireClient client) {
            key.cancel();
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // closing a socket that already failed: nothing left to release
            }
            if (client.status() == SseWireClient.Status.PENDING) {
                counts.failed.incrementAndGet();
                connecting--;
            }
        }
    }
}
