package org.livepeer.analytics.bench.pipeline;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One keep-alive HTTP/1.1 connection to 127.0.0.1 with blocking I/O: writes a POST, reads the
 * status line, headers and {@code Content-Length} body. The batched load is a few hundred requests
 * per second, so a thread per connection costs little and keeps the generator simple.
 */
final class HttpWire implements AutoCloseable {

    private static final int TIMEOUT_MS = 30_000;
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    /** Status, events the gateway accepted ({@code accepted} of the body), the body's start. */
    record Answer(int status, int accepted, String excerpt) {}

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    HttpWire(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MS);
        socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    Answer post(String path, String bearer, String contentType, byte[] body) throws IOException {
        String head =
                "POST "
                        + path
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        + contentType
                        + "\r\nAuthorization: Bearer "
                        + bearer
                        + "\r\nContent-Length: "
                        + body.length
                        + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return read();
    }

    private Answer read() throws IOException {
        String status = line();
        int length = 0;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("connection closed in the body");
        }
        return parseAnswer(status, new String(body, StandardCharsets.UTF_8));
    }

    static Answer parseAnswer(String statusLine, String body) {
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IllegalArgumentException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Matcher m = ACCEPTED.matcher(body);
        return new Answer(
                status,
                m.find() ? Integer.parseInt(m.group(1)) : 0,
                body.substring(0, Math.min(body.length(), 300)));
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a connection we are done with
        }
    }
}
