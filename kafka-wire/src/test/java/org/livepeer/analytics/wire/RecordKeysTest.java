package org.livepeer.analytics.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecordKeysTest {

    @Test
    void aStreamsEventsShareTheStreamIdAsKey() {
        assertEquals("stream-1", RecordKeys.eventKey("stream-1", "e1"));
        assertEquals("stream-1", RecordKeys.eventKey("stream-1", "e2"));
    }

    @Test
    void eventsWithoutAStreamAreKeyedByTheirId() {
        assertEquals("e1", RecordKeys.eventKey(null, "e1"));
        assertEquals("e2", RecordKeys.eventKey("", "e2"));
    }
}
