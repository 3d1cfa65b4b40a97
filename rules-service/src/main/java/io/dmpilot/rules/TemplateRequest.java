package io.dmpilot.rules;

/** Body of {@code PUT /accounts/{openId}/templates/{scenario}}. */
public record TemplateRequest(String text) {
    void validate() {
        AccountRequest.requireText("text", text, 2000);
    }
}
