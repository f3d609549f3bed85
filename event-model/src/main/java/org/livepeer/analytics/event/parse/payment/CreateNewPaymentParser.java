package org.livepeer.analytics.event.parse.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.livepeer.analytics.event.parse.JsonFields;
import org.livepeer.analytics.event.parse.PayloadException;
import org.livepeer.analytics.event.parse.PayloadParser;
import org.livepeer.analytics.event.rows.PaymentEventRow;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * {@code create_new_payment} (docs/events.md §9) to one {@link PaymentEventRow}. Every value
 * arrives as a string (a Go {@code map[string]string}); numbers are parsed strictly, with units
 * taken out of the text and into the column name. {@code requestID} is optional: it is often empty
 * and may be absent.
 */
public final class CreateNewPaymentParser extends PayloadParser {

    private static final long serialVersionUID = 1L;

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,30}(?:\\.[0-9]{1,30})?");
    private static final Pattern PRICE = Pattern.compile("(" + DECIMAL.pattern() + ") wei/pixel");

    @Override
    protected List<TypedRow> rows(JsonNode payload) {
        JsonFields data = JsonFields.rootObject(payload);
        return List.of(
                new PaymentEventRow(
                        data.text("sessionID"),
                        data.text("manifestID"),
                        data.optionalText("requestID"),
                        data.lowerText("sender"),
                        data.lowerText("recipient"),
                        data.text("orchestrator"),
                        faceValueWei(data),
                        priceWeiPerPixel(data),
                        winProb(data),
                        numTickets(data),
                        data.optionalText("capability"),
                        data.optionalText("clientIP")));
    }

    private static BigInteger faceValueWei(JsonFields data) {
        String name = "faceValue";
        try {
            return FaceValue.parseWei(data.text(name));
        } catch (IllegalArgumentException e) {
            throw PayloadException.invalidValue(data.pathOf(name), e.getMessage());
        }
    }

    private static double priceWeiPerPixel(JsonFields data) {
        String name = "price";
        String text = data.text(name);
        Matcher m = PRICE.matcher(text);
        if (!m.matches()) {
            throw PayloadException.invalidValue(
                    data.pathOf(name), "must be \"<decimal> wei/pixel\", got \"" + text + "\"");
        }
        return Double.parseDouble(m.group(1));
    }

    private static double winProb(JsonFields data) {
        String name = "winProb";
        String text = data.text(name);
        double p = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!(p >= 0.0 && p <= 1.0)) {
            throw PayloadException.invalidValue(
                    data.pathOf(name), "must be a decimal from 0 to 1, got \"" + text + "\"");
        }
        return p;
    }

    private static long numTickets(JsonFields data) {
        String name = "numTickets";
        String text = data.text(name);
        if (!JsonFields.isDecimalId(text)) {
            throw PayloadException.invalidValue(
                    data.pathOf(name), "must be a decimal integer, got \"" + text + "\"");
        }
        return Long.parseLong(text);
    }
}
