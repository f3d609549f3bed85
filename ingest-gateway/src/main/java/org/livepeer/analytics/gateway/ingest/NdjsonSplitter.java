package org.livepeer.analytics.gateway.ingest;

import java.util.ArrayList;
import java.util.List;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;
import org.livepeer.analytics.http.ApiException;

/**
 * Splits an NDJSON body into lines. Blank lines are skipped and do not count as events; each
 * remaining line, without surrounding whitespace, is one event. Lines are not parsed here, so a
 * broken line is rejected at its own index later rather than failing the request.
 */
final class NdjsonSplitter {

    private NdjsonSplitter() {}

    static List<RawEvent> split(byte[] body, int maxEvents) {
        List<RawEvent> events = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= body.length) {
            int lineEnd = indexOf(body, (byte) '\n', lineStart);
            int start = lineStart;
            int end = lineEnd;
            while (start < end && isBlank(body[start])) {
                start++;
            }
            while (end > start && isBlank(body[end - 1])) {
                end--;
            }
            if (end > start) {
                if (events.size() == maxEvents) {
                    throw new ApiException(
                            GatewayErrorCode.TOO_MANY_EVENTS,
                            "a request may carry at most " + maxEvents + " events");
                }
                events.add(new RawEvent(events.size(), start, end - start));
            }
            lineStart = lineEnd + 1;
        }
        return events;
    }

    private static int indexOf(byte[] body, byte b, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return body.length;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
