package io.dmpilot.compliance.lexicon;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The matchers in use: one for the global lexicon, one per agency with terms of its own (global + its terms).
 * Rebuilt whole from PostgreSQL on every lexicon change and swapped in one write, so a check never sees half
 * an edit. Until the first load it answers from the classpath seed.
 */
@ApplicationScoped
public class LexiconRegistry {
    private static final Logger LOG = Logger.getLogger(LexiconRegistry.class);

    private final java.util.concurrent.atomic.AtomicLong reloads = new java.util.concurrent.atomic.AtomicLong();
    private volatile Snapshot snapshot;

    public LexiconRegistry(io.dmpilot.compliance.ComplianceConfig config) {
        this.snapshot = new Snapshot(new LexiconMatcher(LexiconLoader.fromClasspath(config.lexicon())), Map.of());
    }

    public LexiconMatcher matcherFor(String agencyId) {
        Snapshot current = snapshot;
        LexiconMatcher own = agencyId == null ? null : current.byAgency().get(agencyId);
        return own != null ? own : current.global();
    }

    public Uni<Void> reload() {
        return Panache.withSession(() -> LexiconEntry.<LexiconEntry>listAll())
                .invoke(entries -> snapshot = build(entries))
                .invoke(reloads::incrementAndGet)
                .invoke(entries -> LOG.infof("lexicon reloaded: %d entries", entries.size()))
                .replaceWithVoid();
    }

    /** How many times the lexicon was loaded from the database: tests wait on it, operators can graph it. */
    public long reloads() {
        return reloads.get();
    }

    static Snapshot build(List<LexiconEntry> entries) {
        List<LexiconTerm> global = new ArrayList<>();
        Map<String, List<LexiconTerm>> own = new HashMap<>();
        for (LexiconEntry entry : entries) {
            if (LexiconEntry.GLOBAL.equals(entry.scope)) global.add(entry.toTerm());
            else own.computeIfAbsent(entry.scope, k -> new ArrayList<>()).add(entry.toTerm());
        }
        Map<String, LexiconMatcher> byAgency = new HashMap<>();
        own.forEach((agency, terms) -> {
            // the agency's own entries first: its substitute wins over the global one for the same term
            List<LexiconTerm> merged = new ArrayList<>(terms);
            merged.addAll(global);
            byAgency.put(agency, new LexiconMatcher(merged));
        });
        return new Snapshot(new LexiconMatcher(global), Map.copyOf(byAgency));
    }

    record Snapshot(LexiconMatcher global, Map<String, LexiconMatcher> byAgency) {}
}
