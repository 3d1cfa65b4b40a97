package io.dmpilot.rules.engine;

/** Text → unit sentence vector. Blocking and CPU-heavy: never call it on an event loop. */
public interface SentenceEncoder {
    float[] encode(String text);
}
