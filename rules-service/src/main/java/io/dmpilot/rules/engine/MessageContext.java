package io.dmpilot.rules.engine;

/**
 * The user message an engine answers.
 *
 * @param userOpenId who wrote it: sticky A/B variants are chosen from it
 * @param firstMessage the user's first message to this account (conversation state in Redis), for the welcome
 */
public record MessageContext(String text, String nickname, String userOpenId, boolean firstMessage) {
    public MessageContext(String text, String nickname) {
        this(text, nickname, null, false);
    }
}
