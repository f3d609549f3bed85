package org.livepeer.analytics.event.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * Base of the per-type parsers: subclasses map {@code data} to rows and signal violations with
 * {@link PayloadException}, which is converted to a {@link ParseOutcome.Rejected} here.
 */
public abstract class PayloadParser implements EventParser {

    private static final long serialVersionUID = 1L;

    @Override
    public final ParseOutcome parse(Envelope envelope) {
        try {
            List<TypedRow> rows = rows(envelope.data());
            if (rows.isEmpty()) {
                return PayloadException.invalidPayload("the event yields no rows").toRejected();
            }
            return new ParseOutcome.Parsed(rows);
        } catch (PayloadException e) {
            return e.toRejected();
        }
    }

    /** The rows of one event; throws {@link PayloadException} when data breaks the model. */
    protected abstract List<TypedRow> rows(JsonNode data);
}
