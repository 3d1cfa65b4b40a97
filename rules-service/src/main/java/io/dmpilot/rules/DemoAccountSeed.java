package io.dmpilot.rules;

import io.dmpilot.contracts.Tier;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the account douyin-sim writes to, once, so a fresh install answers its first message. */
@ApplicationScoped
public class DemoAccountSeed {
    public static final String DEMO_ACCOUNT = "demo-account";
    private static final Logger LOG = Logger.getLogger(DemoAccountSeed.class);

    void onStart(@Observes StartupEvent event, RulesConfig config) throws Throwable {
        if (!config.seedDemoAccount()) return;
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Account.byOpenId(DEMO_ACCOUNT)
                .chain(existing -> existing != null
                        ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                        : AccountSetup.create(new AccountRequest(
                                        DEMO_ACCOUNT,
                                        "demo-agency",
                                        "Demo shop",
                                        Tier.BASIC,
                                        "{nickname}您好，感谢您的私信！我们已收到您的消息，稍后为您详细解答。"))
                                .invoke(() -> LOG.info("seeded demo account " + DEMO_ACCOUNT))
                                .replaceWithVoid())));
    }
}
