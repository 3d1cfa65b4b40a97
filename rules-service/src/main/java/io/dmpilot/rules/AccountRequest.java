package io.dmpilot.rules;

import io.dmpilot.contracts.Tier;
import io.dmpilot.kit.ProblemException;
import java.time.LocalTime;

/**
 * Body of {@code POST /accounts}. {@code fixedReply} is the BASIC tier's answer to any message; business hours
 * are optional (always open); {@code semanticThreshold} is optional (null: the deployment's default), with the
 * rule of {@code PUT /accounts/{id}/semantic-threshold}.
 */
public record AccountRequest(
        String openId,
        String agencyId,
        String name,
        Tier tier,
        String fixedReply,
        String timeZone,
        LocalTime opensAt,
        LocalTime closesAt,
        Double semanticThreshold) {
    public AccountRequest(String openId, String agencyId, String name, Tier tier, String fixedReply) {
        this(openId, agencyId, name, tier, fixedReply, null, null, null, null);
    }

    void validate() {
        requireText("openId", openId, 128);
        requireText("agencyId", agencyId, 64);
        requireText("name", name, 200);
        if (tier == null) {
            throw ProblemException.invalidField("tier", "tier is required: BASIC, ADVANCED or CUSTOM");
        }
        requireText("fixedReply", fixedReply, 2000);
        new BusinessHoursRequest(timeZone, opensAt, closesAt).validate();
        SemanticThresholdRequest.check("semanticThreshold", semanticThreshold);
    }

    static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, field + " is required");
        }
        if (value.length() > max) {
            throw ProblemException.invalidField(field, field + " is longer than " + max + " characters");
        }
    }
}
