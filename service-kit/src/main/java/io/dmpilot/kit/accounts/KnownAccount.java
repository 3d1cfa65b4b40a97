package io.dmpilot.kit.accounts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the other services need of an account of rules-service's {@code GET /accounts}: that it exists, and whose it is.
 * Templates and tier are rules-service's business and are ignored.
 *
 * @param agencyId null while only a change announcement has been seen and the details are being fetched
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KnownAccount(String openId, String agencyId) {}
