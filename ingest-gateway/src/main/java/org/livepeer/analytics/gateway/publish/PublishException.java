package org.livepeer.analytics.gateway.publish;

/** Kafka did not acknowledge every event of a request in time (or could not be asked to). */
public final class PublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
