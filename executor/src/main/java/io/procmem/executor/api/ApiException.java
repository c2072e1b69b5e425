package io.procmem.executor.api;

/**
 * A request the API refuses, with the HTTP status, a message for people and, when one field is at fault, the
 * field's path in the request (e.g. {@code steps[1].tool}) for programs.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String field;
    private final String allow;

    private ApiException(int status, String message, String field, String allow) {
        super(message);
        this.status = status;
        this.field = field;
        this.allow = allow;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field, null);
    }

    /** The caller is not authenticated; the answer carries {@code WWW-Authenticate: Bearer}. */
    public static ApiException unauthorized(String message) {
        return new ApiException(401, message, null, null);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(409, message, field, null);
    }

    /** The endpoint is turned off by configuration; the message names the key that turns it on. */
    public static ApiException unavailable(String message) {
        return new ApiException(503, message, null, null);
    }

    public static ApiException notFound(String field, String message) {
        return new ApiException(404, message, field, null);
    }

    public static ApiException methodNotAllowed(String method, String path, String allowed) {
        return new ApiException(405, "method " + method + " is not allowed on " + path + "; use " + allowed, null, allowed);
    }

    public static ApiException tooLarge(int limit) {
        return new ApiException(413, "request body is larger than " + limit + " bytes", "body", null);
    }

    public int status() {
        return status;
    }

    /** Path of the offending field, or null when the request as a whole is at fault. */
    public String field() {
        return field;
    }

    /** Value of the Allow header for a 405, else null. */
    public String allow() {
        return allow;
    }
}
