package org.livepeer.analytics.http.health;

import java.util.Optional;

/** Whether a service can do its work now; answered from memory, never by waiting. */
@FunctionalInterface
public interface Readiness {

    /** Empty when ready, else why not (the {@code message} of the 503 answer). */
    Optional<String> notReadyBecause();
}
