package io.dmpilot.compliance.lexicon;

import io.dmpilot.compliance.ComplianceConfig;
import io.dmpilot.contracts.LexiconCategory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** Fills an empty lexicon table from the classpath seed (lexicon/SOURCES.md), then loads the matchers. */
@ApplicationScoped
public class LexiconSeed {
    private static final Logger LOG = Logger.getLogger(LexiconSeed.class);

    void onStart(@Observes StartupEvent event, ComplianceConfig config, LexiconRegistry registry) throws Throwable {
        List<LexiconTerm> seed = LexiconLoader.fromClasspath(config.lexicon());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> LexiconEntry.count().chain(count -> count > 0 ? backfillQualifications(seed) : insert(seed))));
        VertxContextSupport.subscribeAndAwait(registry::reload);
    }

    private static Uni<Void> insert(List<LexiconTerm> seed) {
        Set<String> seen = new HashSet<>();
        List<LexiconEntry> entries = seed.stream()
                .filter(t -> seen.add(NormalizedText.of(t.term()).text()))
                .map(LexiconSeed::entry)
                .toList();
        LOG.infof("seeding the global lexicon with %d terms", entries.size());
        return LexiconEntry.persist(entries).replaceWithVoid();
    }

    /**
     * A table seeded before terms carried a qualification holds its REGULATED seed terms without one: give them
     * the seed's (an operator's own entries and choices are left alone).
     */
    private static Uni<Void> backfillQualifications(List<LexiconTerm> seed) {
        Map<String, List<String>> byQualification = new TreeMap<>();
        seed.stream()
                .filter(t -> t.qualification() != null)
                .forEach(t -> byQualification
                        .computeIfAbsent(t.qualification(), q -> new ArrayList<>())
                        .add(NormalizedText.of(t.term()).text()));
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<String>> e : byQualification.entrySet()) {
            all = all.chain(() -> LexiconEntry.update(
                            "qualification = ?1 where scope = ?2 and category = ?3 and qualification is null"
                                    + " and normalized in ?4",
                            e.getKey(),
                            LexiconEntry.GLOBAL,
                            LexiconCategory.REGULATED,
                            e.getValue()))
                    .replaceWithVoid();
        }
        return all;
    }

    private static LexiconEntry entry(LexiconTerm term) {
        LexiconEntry entry = new LexiconEntry();
        entry.scope = LexiconEntry.GLOBAL;
        entry.category = term.category();
        entry.term = term.term();
        entry.normalized = NormalizedText.of(term.term()).text();
        entry.substitute = term.substitute();
        entry.qualification = term.qualification();
        return entry;
    }

    static LexiconEntry entry(LexiconEntryRequest request) {
        LexiconEntry entry = new LexiconEntry();
        apply(entry, request);
        return entry;
    }

    static void apply(LexiconEntry entry, LexiconEntryRequest request) {
        entry.scope = request.scope();
        entry.category = request.parsedCategory();
        entry.term = request.term().trim();
        entry.normalized = request.normalized();
        entry.substitute = request.substitute() == null || request.substitute().isBlank()
                ? null
                : request.substitute().trim();
        entry.qualification = request.qualification();
    }
}
