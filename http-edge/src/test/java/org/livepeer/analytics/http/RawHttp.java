package org.livepeer.analytics.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 read off a raw socket, for the edge tests of both services (in this module's test-jar):
 * they must see what a server does before, between and after requests, which an HTTP client hides.
 */
public final class RawHttp {

    /** How long a connection the server should have closed may stay open before a test fails. */
    public static final int STILL_OPEN_MS = 20_000;

    private RawHttp() {}

    /**
     * Everything the server sends until it closes; fails (SocketTimeoutException) if it keeps the
     * connection open after its last byte for the socket's timeout, {@link #STILL_OPEN_MS} when
     * none is set.
     */
    public static String readUntilClosed(Socket s) throws IOException {
        if (s.getSoTimeout() == 0) {
            s.setSoTimeout(STILL_OPEN_MS);
        }
        try {
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        } catch (SocketException e) {
            // A reset is a close too: the server dropped the connection without reading.
            return "";
        }
    }

    /** The status line and headers of one response, up to and with the blank line. */
    public static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** One response with a Content-Length body, read off a kept-alive connection. */
    public static String readResponse(InputStream in) throws IOException {
        String head = readHead(in);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }
}
