package io.dmpilot.analytics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** The read most reports make: one aggregate SQL over an account's hourly rows within a window. */
public final class WindowQuery {
    /** @param sql native SQL with the parameters {@code :account}, {@code :from} and {@code :to} (epoch ms) */
    public static Uni<List<Object[]>> rows(String sql, String account, Window window) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter("account", account)
                        .setParameter("from", window.fromMillis())
                        .setParameter("to", window.toMillis())
                        .getResultList()));
    }

    private WindowQuery() {}
}
