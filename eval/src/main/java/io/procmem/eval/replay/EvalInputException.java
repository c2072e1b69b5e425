package io.procmem.eval.replay;

import java.io.IOException;

/**
 * A trajectory file the eval cannot use: unreadable as a whole, or holding records the ingest reader reports as
 * problems. The message names the file, and each bad record with its index and the reader's reason.
 */
public final class EvalInputException extends IOException {
    public EvalInputException(String message) {
        super(message);
    }

    public EvalInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
