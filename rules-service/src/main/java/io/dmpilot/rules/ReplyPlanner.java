package io.dmpilot.rules;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.rules.engine.AccountRules;
import io.dmpilot.rules.engine.EngineSelector;
import io.dmpilot.rules.engine.MessageContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Decides the reply to one user message: loads the account's rules, runs its tier's engines. */
@ApplicationScoped
public class ReplyPlanner {
    private final EngineSelector engines = new EngineSelector();
    private final CandidateFactory candidates;

    public ReplyPlanner(RulesConfig config) {
        this.candidates = new CandidateFactory(config.replyDeadline());
    }

    public Uni<ReplyCandidate> plan(InboundEvent inbound) {
        return Panache.withSession(() -> load(inbound.accountOpenId())).map(rules -> decide(inbound, rules));
    }

    private ReplyCandidate decide(InboundEvent inbound, AccountRules rules) {
        long now = System.currentTimeMillis();
        if (rules == null) {
            return candidates.noMatch(inbound, null, "unknown-account", now);
        }
        MessageContext message = new MessageContext(inbound.text(), inbound.userNickname());
        return engines.match(message, rules)
                .map(match -> candidates.reply(inbound, rules, match, now))
                .orElseGet(() -> candidates.noMatch(inbound, rules.agencyId(), "no-rule-matched", now));
    }

    private Uni<AccountRules> load(String openId) {
        return Account.byOpenId(openId)
                .chain(account -> account == null
                        ? Uni.createFrom().nullItem()
                        : ReplyTemplate.ofAccount(openId).map(templates -> toRules(account, templates)));
    }

    private static AccountRules toRules(Account account, List<ReplyTemplate> templates) {
        Map<Scenario, String> byScenario = new EnumMap<>(Scenario.class);
        templates.forEach(t -> byScenario.put(t.scenario, t.text));
        return new AccountRules(account.openId, account.agencyId, account.tier, account.crisisMode, byScenario);
    }
}
