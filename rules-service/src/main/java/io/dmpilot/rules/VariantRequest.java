package io.dmpilot.rules;

import io.dmpilot.kit.ProblemException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Body of {@code PUT /accounts/{openId}/templates/{scenario}/variants}: the whole set, replacing the old one. */
public record VariantRequest(List<Variant> variants) {
    static final int MAX_VARIANTS = 10;

    public record Variant(String name, String text, Integer weight) {}

    void validate() {
        if (variants == null) throw ProblemException.invalidField("variants", "variants is required (may be empty)");
        if (variants.size() > MAX_VARIANTS) {
            throw ProblemException.invalidField("variants", "at most " + MAX_VARIANTS + " variants per scenario");
        }
        Set<String> names = new HashSet<>();
        for (Variant variant : variants) {
            if (variant == null) throw ProblemException.invalidField("variants", "a variant is null");
            AccountRequest.requireText("name", variant.name(), 32);
            AccountRequest.requireText("text", variant.text(), 2000);
            if (variant.weight() == null || variant.weight() < 1 || variant.weight() > 1000) {
                throw ProblemException.invalidField("weight", "weight must be between 1 and 1000");
            }
            if (!names.add(variant.name())) {
                throw ProblemException.invalidField("name", "variant name " + variant.name() + " is repeated");
            }
        }
    }
}
