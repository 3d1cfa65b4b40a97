package io.dmpilot.contracts.serde;

/** A record that does not match its contract. Consumers let it fail so the record goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
