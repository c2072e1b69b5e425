package io.procmem.deploy.stack;

/**
 * A failure of the stack whose message is complete on one line and tells the user what to do (a taken port, a
 * service that died while starting). The CLI prints only the message unless asked to be verbose.
 */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
