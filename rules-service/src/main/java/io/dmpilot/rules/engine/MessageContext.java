package io.dmpilot.rules.engine;

/**
 * The user message an engine answers.
 *
 * @param userOpenId who wrote it: sticky A/B variants are chosen from it
 * @param firstMessage the user's first message to this account (conversation state in Redis), for the welcome
 * @param offHours written outside the account's business hours
 * @param embedding the text's unit sentence vector, computed off the event loop for CUSTOM accounts; else null
 */
public record MessageContext(
        String text, String nickname, String userOpenId, boolean firstMessage, boolean offHours, float[] embedding) {
    public MessageContext(String text, String nickname, String userOpenId, boolean firstMessage) {
        this(text, nickname, userOpenId, firstMessage, false, null);
    }

    public MessageContext(String text, String nickname) {
        this(text, nickname, null, false);
    }
}
