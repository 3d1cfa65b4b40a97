package io.dmpilot.rules.engine;

/** The user message an engine answers. */
public record MessageContext(String text, String nickname) {}
