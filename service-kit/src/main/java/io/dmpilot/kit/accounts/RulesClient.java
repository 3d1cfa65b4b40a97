package io.dmpilot.kit.accounts;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one door to rules-service's accounts, with a time-out on every call so a slow rules-service never
 * holds a webhook or an operator's request (connect and read limits are also set on the client in
 * configuration).
 */
@ApplicationScoped
public class RulesClient {
    private final RulesAccountsApi api;
    private final AccountsConfig config;

    public RulesClient(@RestClient RulesAccountsApi api, AccountsConfig config) {
        this.api = api;
        this.config = config;
    }

    /** Every account, page by page, until a short page. */
    public Uni<List<KnownAccount>> all() {
        int size = config.pageSize();
        return Multi.createBy()
                .repeating()
                .uni(
                        () -> new int[] {0},
                        next -> api.page(next[0]++, size)
                                .ifNoItem()
                                .after(config.timeout())
                                .fail())
                .whilst(page -> page.size() == size)
                .collect()
                .<List<KnownAccount>>in(ArrayList::new, List::addAll);
    }

    /** The account, empty when rules-service says it does not exist; fails when rules-service cannot answer. */
    public Uni<Optional<KnownAccount>> one(String openId) {
        return api.get(openId)
                .ifNoItem()
                .after(config.timeout())
                .fail()
                .map(Optional::ofNullable)
                .onFailure(RulesClient::isNotFound)
                .recoverWithItem(Optional.empty());
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException http
                && http.getResponse().getStatus() == 404;
    }
}
