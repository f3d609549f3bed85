package org.livepeer.analytics.gateway.publish;

/** Kafka did not acknowledge every event of a request in time (or could not be asked to). */
public final class PublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the events were not acknowledged; decides the answer's error code. */
    public enum Reason {
        /** Kafka failed or did not answer in time. */
        UNAVAILABLE,
        /** The producer's own queue is full; nothing was sent. */
        OVERLOADED
    }

    private final Reason reason;

    public PublishException(String message, Throwable cause) {
        this(Reason.UNAVAILABLE, message, cause);
    }

    public PublishException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
