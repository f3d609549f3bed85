package org.livepeer.analytics.gateway.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The one error body of the service: {@code {"error": "<code>", "message": "..."}}. */
public record ApiError(@JsonProperty("error") String error, String message) {

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.wire(), message);
    }
}
