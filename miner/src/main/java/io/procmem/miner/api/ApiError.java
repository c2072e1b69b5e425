package io.procmem.miner.api;

/** An answer other than 200, with the parameter at fault when there is one. */
final class ApiError extends RuntimeException {
    private final int status;
    private final String field;

    ApiError(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static ApiError badParameter(String field, String message) {
        return new ApiError(400, field, message);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
