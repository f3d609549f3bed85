package org.livepeer.analytics.clickhouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureClassifierTest {

    @ParameterizedTest(name = "code {0}, HTTP {1} -> {2}")
    @CsvSource({
        // data errors: the same bytes fail again
        "6, 500, REJECT_DATA",
        "26, 500, REJECT_DATA",
        "27, 500, REJECT_DATA",
        "38, 500, REJECT_DATA",
        "41, 500, REJECT_DATA",
        "53, 500, REJECT_DATA",
        "72, 400, REJECT_DATA",
        "117, 500, REJECT_DATA",
        "321, 500, REJECT_DATA",
        // transient server conditions
        "159, 500, RETRY",
        "202, 500, RETRY",
        "241, 500, RETRY",
        "252, 500, RETRY",
        "319, 500, RETRY",
        // no ClickHouse code: a proxy or a restart
        "-1, 502, RETRY",
        "-1, 503, RETRY",
        "-1, 500, RETRY",
        "-1, 429, RETRY",
        // bugs and misconfiguration
        "62, 400, FAIL",
        "60, 404, FAIL",
        "81, 500, FAIL",
        "164, 500, FAIL",
        "193, 401, FAIL",
        "392, 500, FAIL",
        "516, 401, FAIL",
        "-1, 404, FAIL",
        "-1, 400, FAIL"
    })
    void classifiesByCodeThenStatus(int code, int status, FailureKind expected) {
        assertEquals(expected, FailureClassifier.classify(code, status));
    }

    @Test
    void noResponseIsRetryable() {
        ClickHouseException e = new ClickHouseException("refused", new ConnectException("refused"));
        assertEquals(-1, e.code());
        assertEquals(-1, e.httpStatus());
        assertEquals(FailureKind.RETRY, e.kind());
        assertTrue(e.retryable());
    }

    @Test
    void exceptionCarriesTheVerdict() {
        ClickHouseException e = new ClickHouseException("bad row", 27, 500);
        assertEquals(27, e.code());
        assertEquals(500, e.httpStatus());
        assertEquals(FailureKind.REJECT_DATA, e.kind());
        assertFalse(e.retryable());
    }
}
