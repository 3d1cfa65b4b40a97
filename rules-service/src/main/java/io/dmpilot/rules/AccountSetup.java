package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.kit.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/** Account writes and reads shared by the REST resource and the demo seed. Call inside a session. */
final class AccountSetup {
    static Uni<AccountView> create(AccountRequest request) {
        Account account = new Account();
        account.openId = request.openId();
        account.agencyId = request.agencyId();
        account.name = request.name();
        account.tier = request.tier();
        account.timeZone = request.timeZone();
        account.opensAt = request.opensAt();
        account.closesAt = request.closesAt();
        account.semanticThreshold = request.semanticThreshold();
        ReplyTemplate fixed = new ReplyTemplate();
        fixed.accountOpenId = request.openId();
        fixed.scenario = Scenario.FALLBACK;
        fixed.text = request.fixedReply();
        List<ReplyTemplate> templates = new ArrayList<>(List.of(fixed));
        List<KeywordRule> rules = new ArrayList<>();
        if (StarterRules.appliesTo(request.tier())) {
            templates.addAll(StarterRules.templates(request.openId()));
            rules.addAll(StarterRules.rules(request.openId()));
        }
        List<Object> rows = new ArrayList<>(templates);
        rows.addAll(rules);
        rows.addAll(StarterRules.intents(request.openId(), request.tier()));
        return account.persist()
                .chain(() -> Panache.getSession().chain(session -> session.persistAll(rows.toArray())))
                .replaceWith(() -> AccountView.of(account, templates));
    }

    static Uni<AccountView> view(String openId) {
        return Account.byOpenId(openId).chain(account -> {
            if (account == null) throw ProblemException.notFound("no account " + openId);
            return ReplyTemplate.ofAccount(openId).map(templates -> AccountView.of(account, templates));
        });
    }

    static Uni<List<AccountView>> views(List<Account> accounts) {
        List<AccountView> out = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Account account : accounts) {
            chain = chain.chain(() -> ReplyTemplate.ofAccount(account.openId)
                    .invoke(templates -> out.add(AccountView.of(account, templates)))
                    .replaceWithVoid());
        }
        return chain.replaceWith(out);
    }

    static Uni<AccountView> putTemplate(String openId, Scenario scenario, String text) {
        return Account.byOpenId(openId)
                .chain(account -> {
                    if (account == null) throw ProblemException.notFound("no account " + openId);
                    return ReplyTemplate.of(openId, scenario);
                })
                .chain(existing -> {
                    ReplyTemplate template = existing != null ? existing : new ReplyTemplate();
                    template.accountOpenId = openId;
                    template.scenario = scenario;
                    template.text = text;
                    return template.persist();
                })
                .chain(() -> view(openId));
    }

    static Uni<AccountView> setBusinessHours(String openId, BusinessHoursRequest hours) {
        return Account.required(openId)
                .invoke(account -> {
                    account.timeZone = hours.timeZone();
                    account.opensAt = hours.opensAt();
                    account.closesAt = hours.closesAt();
                })
                .chain(() -> view(openId));
    }

    static Uni<AccountView> setSemanticThreshold(String openId, Double threshold) {
        return Account.required(openId)
                .invoke(account -> account.semanticThreshold = threshold)
                .chain(() -> view(openId));
    }

    static Uni<AccountView> setCrisis(String openId, boolean enabled) {
        return Account.byOpenId(openId)
                .invoke(account -> {
                    if (account == null) throw ProblemException.notFound("no account " + openId);
                    account.crisisMode = enabled;
                })
                .chain(() -> view(openId));
    }

    private AccountSetup() {}
}
