package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.LexiconCategory;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A lexicon term as stored: global ({@link #GLOBAL} scope) or one agency's. The unique key is on the
 * normalized form, so 最便宜 and 最 便 宜 cannot both be entered and disagree on their substitute.
 */
@Entity
@Table(name = "lexicon_entry", uniqueConstraints = @UniqueConstraint(columnNames = {"scope", "normalized"}))
public class LexiconEntry extends PanacheEntityBase {
    public static final String GLOBAL = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@link #GLOBAL} or an agency id. */
    @Column(nullable = false, length = 128)
    public String scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public LexiconCategory category;

    @Column(nullable = false, length = 64)
    public String term;

    @Column(nullable = false, length = 64)
    public String normalized;

    @Column(length = 64)
    public String substitute;

    /** REGULATED only: the qualification that allows the term ({@code medical}, {@code finance} …). */
    @Column(length = 32)
    public String qualification;

    public LexiconTerm toTerm() {
        return new LexiconTerm(category, term, substitute, qualification);
    }
}
