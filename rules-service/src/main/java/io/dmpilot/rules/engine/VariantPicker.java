package io.dmpilot.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Sticky A/B assignment: the same user always gets the same variant of a scenario's template, on every replica
 * and after restarts, without storing anything — a stable hash of the user id, spread over the weights.
 */
public final class VariantPicker {
    public static Optional<TemplateVariantSpec> pick(
            List<TemplateVariantSpec> variants, String userOpenId, String salt) {
        long total = variants.stream().mapToLong(TemplateVariantSpec::weight).sum();
        if (total <= 0 || userOpenId == null) return Optional.empty();
        long point = Long.remainderUnsigned(fnv1a(userOpenId + "|" + salt), total);
        for (TemplateVariantSpec variant : variants) {
            point -= variant.weight();
            if (point < 0) return Optional.of(variant);
        }
        return Optional.empty();
    }

    /** FNV-1a 64: stable across JVMs and releases, unlike a hash code that is free to change. */
    static long fnv1a(String value) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private VariantPicker() {}
}
