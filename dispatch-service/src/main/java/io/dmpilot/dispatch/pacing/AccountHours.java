package io.dmpilot.dispatch.pacing;

import io.dmpilot.dispatch.DispatchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each account's business hours: its own entry in {@code dmpilot.dispatch.business-hours.accounts}, else the
 * default. Parsed once per account; an unreadable entry fails at start-up, not at the first reply.
 */
@ApplicationScoped
public class AccountHours {
    private final BusinessHours fallback;
    private final Map<String, BusinessHours> byAccount = new ConcurrentHashMap<>();

    public AccountHours(DispatchConfig config) {
        DispatchConfig.BusinessHoursConfig hours = config.businessHours();
        this.fallback = BusinessHours.parse(hours.defaultHours(), hours.zone());
        hours.accounts().forEach((account, spec) -> byAccount.put(account, BusinessHours.parse(spec, hours.zone())));
    }

    public BusinessHours of(String accountOpenId) {
        return byAccount.getOrDefault(accountOpenId, fallback);
    }
}
