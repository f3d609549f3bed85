package org.livepeer.analytics.gateway.ingest;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;
import org.livepeer.analytics.http.ApiException;

/**
 * Inflates a gzip body chunk by chunk as it arrives, into a {@link BoundedBytes} that refuses to
 * grow past the limit. Each inflate call is given at most one byte more room than the limit has
 * left, so a small body that would inflate to gigabytes is refused after at most {@code limit + 1}
 * decompressed bytes, and the compressed body is never held whole. Concatenated gzip members (what
 * {@code cat a.gz b.gz} gives) are read one after the other; each member's CRC-32 and length are
 * checked.
 */
final class GzipDecoder implements AutoCloseable {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int TRAILER_BYTES = 8;
    private static final int CHUNK = 16 * 1024;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xE0;

    private enum State {
        HEADER,
        DEFLATE,
        TRAILER
    }

    private final BoundedBytes out;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] chunk = new byte[CHUNK];
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private State state = State.HEADER;
    private long memberBytes;

    GzipDecoder(BoundedBytes out) {
        this.out = out;
    }

    /** Inflates {@code data}, the next bytes of the body. */
    void feed(byte[] data) {
        byte[] input = data;
        int pos = 0;
        while (pos < input.length) {
            switch (state) {
                case HEADER -> {
                    pending.write(input, pos, input.length - pos);
                    pos = input.length;
                    byte[] head = pending.toByteArray();
                    int length = headerLength(head);
                    if (length >= 0) {
                        pending.reset();
                        input = Arrays.copyOfRange(head, length, head.length);
                        pos = 0;
                        startMember();
                    } else if (head.length > MAX_HEADER_BYTES) {
                        throw invalid("gzip header longer than " + MAX_HEADER_BYTES + " bytes");
                    }
                }
                case DEFLATE -> pos = inflate(input, pos);
                default -> pos = trailer(input, pos);
            }
        }
    }

    /** Checks that the body ended at the end of a gzip member. */
    void finish() {
        if (state != State.HEADER || pending.size() > 0) {
            throw invalid("the gzip stream is truncated");
        }
    }

    @Override
    public void close() {
        inflater.end();
    }

    private void startMember() {
        state = State.DEFLATE;
        inflater.reset();
        crc.reset();
        memberBytes = 0;
    }

    private int inflate(byte[] input, int pos) {
        inflater.setInput(input, pos, input.length - pos);
        while (true) {
            int room = (int) Math.min(CHUNK, out.remaining() + 1);
            int n;
            try {
                n = inflater.inflate(chunk, 0, room);
            } catch (DataFormatException e) {
                throw invalid("the gzip data is corrupt: " + e.getMessage());
            }
            if (n > 0) {
                crc.update(chunk, 0, n);
                memberBytes += n;
                out.append(chunk, 0, n);
            }
            if (inflater.finished()) {
                state = State.TRAILER;
                return input.length - inflater.getRemaining();
            }
            if (n == 0 && inflater.needsDictionary()) {
                throw invalid("the gzip data needs a preset dictionary");
            }
            if (n == 0 && inflater.needsInput()) {
                return input.length;
            }
        }
    }

    private int trailer(byte[] input, int pos) {
        int take = Math.min(TRAILER_BYTES - pending.size(), input.length - pos);
        pending.write(input, pos, take);
        if (pending.size() == TRAILER_BYTES) {
            byte[] t = pending.toByteArray();
            pending.reset();
            if (le32(t, 0) != crc.getValue()) {
                throw invalid("gzip CRC-32 mismatch");
            }
            if (le32(t, 4) != (memberBytes & 0xFFFF_FFFFL)) {
                throw invalid("gzip length mismatch");
            }
            state = State.HEADER;
        }
        return pos + take;
    }

    /** The length of the complete gzip header at the start of {@code h}, or -1 if incomplete. */
    static int headerLength(byte[] h) {
        checkFixedPart(h);
        if (h.length < 10) {
            return -1;
        }
        int flags = h[3] & 0xFF;
        int p = 10;
        if ((flags & FEXTRA) != 0) {
            p = p + 2 > h.length ? -1 : p + 2 + ((h[p] & 0xFF) | (h[p + 1] & 0xFF) << 8);
        }
        if ((flags & FNAME) != 0) {
            p = afterZero(h, p);
        }
        if ((flags & FCOMMENT) != 0) {
            p = afterZero(h, p);
        }
        if ((flags & FHCRC) != 0 && p >= 0) {
            p += 2;
        }
        return p < 0 || p > h.length ? -1 : p;
    }

    /** Refuses a header whose magic, method or flags are wrong, as soon as they have arrived. */
    private static void checkFixedPart(byte[] h) {
        boolean badMagic =
                (h.length > 0 && (h[0] & 0xFF) != 0x1F) || (h.length > 1 && (h[1] & 0xFF) != 0x8B);
        if (badMagic) {
            throw invalid("the body is not gzip data (Content-Encoding: gzip)");
        }
        if (h.length > 2 && h[2] != 8) {
            throw invalid("unsupported gzip compression method " + h[2]);
        }
        if (h.length > 3 && (h[3] & RESERVED) != 0) {
            throw invalid("reserved gzip header flags set");
        }
    }

    private static int afterZero(byte[] h, int from) {
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < h.length; i++) {
            if (h[i] == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL)
                | (b[at + 1] & 0xFFL) << 8
                | (b[at + 2] & 0xFFL) << 16
                | (b[at + 3] & 0xFFL) << 24;
    }

    private static ApiException invalid(String message) {
        return new ApiException(GatewayErrorCode.INVALID_ENCODING, message);
    }
}
