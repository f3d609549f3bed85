package org.livepeer.analytics.event.rows;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One {@code create_new_payment} event. {@code faceValueWei} is exact (from {@code "N WEI"} or
 * {@code "x ETH"}); addresses are lower-cased; {@code orchestratorUrl} is the payload's {@code
 * orchestrator}, which is a URL.
 */
public record PaymentEventRow(
        String sessionId,
        String manifestId,
        String requestId,
        String sender,
        String recipient,
        String orchestratorUrl,
        BigInteger faceValueWei,
        double priceWeiPerPixel,
        double winProb,
        long numTickets,
        String capability,
        String clientIp)
        implements TypedRow {

    public static final String TABLE = "payment_events";

    public PaymentEventRow {
        Objects.requireNonNull(faceValueWei, "faceValueWei");
    }

    @Override
    public String table() {
        return TABLE;
    }
}
