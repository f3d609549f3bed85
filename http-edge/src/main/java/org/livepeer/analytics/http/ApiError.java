package org.livepeer.analytics.http;

/** The one error body of both services: {@code {"error":"<code>","message":"..."}}. */
public record ApiError(String error, String message) {

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.code(), message);
    }
}
