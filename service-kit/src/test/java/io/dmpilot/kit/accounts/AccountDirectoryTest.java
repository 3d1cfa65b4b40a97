package io.dmpilot.kit.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The directory's own logic, against an in-memory rules-service that counts the questions it is asked. */
class AccountDirectoryTest {
    private final InMemoryRules rules = new InMemoryRules();
    private final AccountDirectory directory = new AccountDirectory(new RulesClient(rules, new Limits()), new Limits());

    @Test
    void aPlacedAccountIsAnsweredWithoutAskingRules() {
        directory.put(new KnownAccount("a1", "agency-a"));

        assertEquals(Optional.of(new KnownAccount("a1", "agency-a")), lookup("a1"));
        assertEquals(0, rules.asked);
    }

    @Test
    void aMissIsAskedOnceAndTheNoIsBelieved() {
        assertEquals(Optional.empty(), lookup("nobody"));
        assertEquals(Optional.empty(), lookup("nobody"));
        assertEquals(1, rules.asked);
    }

    @Test
    void anAccountCreatedAMomentAgoIsFoundOnItsFirstLookupAndKept() {
        rules.accounts.put("fresh", "agency-f");

        assertEquals(Optional.of(new KnownAccount("fresh", "agency-f")), lookup("fresh"));
        assertEquals(Optional.of(new KnownAccount("fresh", "agency-f")), directory.find("fresh"));
    }

    @Test
    void anAnnouncedAccountHasNoAgencyUntilItsDetailsAreRead() {
        rules.accounts.put("announced", "agency-n");
        directory.announce("announced");
        assertEquals(Optional.of(new KnownAccount("announced", null)), directory.find("announced"));

        assertEquals(Optional.of(new KnownAccount("announced", "agency-n")), lookup("announced"));
    }

    @Test
    void aForgottenAccountIsUnknownWithoutAskingAgain() {
        directory.put(new KnownAccount("doomed", "agency-d"));
        rules.accounts.put("doomed", "agency-d");

        directory.forget("doomed");

        assertEquals(Optional.empty(), lookup("doomed"));
        assertEquals(0, rules.asked);
    }

    @Test
    void whenRulesCannotAnswerTheCallerDecides() {
        rules.down = true;
        assertThrows(IllegalStateException.class, () -> lookup("any"));
    }

    private Optional<KnownAccount> lookup(String openId) {
        return directory.lookup(openId).await().atMost(Duration.ofSeconds(5));
    }

    private static final class InMemoryRules implements RulesAccountsApi {
        final Map<String, String> accounts = new HashMap<>();
        int asked;
        boolean down;

        @Override
        public Uni<List<KnownAccount>> page(int page, int size) {
            throw new UnsupportedOperationException("the directory's lookups read one account at a time");
        }

        @Override
        public Uni<KnownAccount> get(String openId) {
            asked++;
            if (down) return Uni.createFrom().failure(new IllegalStateException("rules-service is down"));
            String agency = accounts.get(openId);
            if (agency == null) return Uni.createFrom().failure(new NotFoundException("no account " + openId));
            return Uni.createFrom().item(new KnownAccount(openId, agency));
        }
    }

    private static final class Limits implements AccountsConfig {
        @Override
        public boolean directory() {
            return true;
        }

        @Override
        public int pageSize() {
            return 200;
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Duration negativeTtl() {
            return Duration.ofMinutes(1);
        }
    }
}
