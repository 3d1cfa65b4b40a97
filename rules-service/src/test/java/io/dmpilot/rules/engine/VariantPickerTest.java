package io.dmpilot.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariantPickerTest {
    private static final List<TemplateVariantSpec> AB =
            List.of(new TemplateVariantSpec("A", "文案A", 1), new TemplateVariantSpec("B", "文案B", 3));

    @ParameterizedTest
    @CsvSource({"user-1", "user-2", "用户三", "x"})
    void theSameUserAlwaysGetsTheSameVariant(String user) {
        String first = VariantPicker.pick(AB, user, "acct|PRODUCT_INQUIRY")
                .orElseThrow()
                .name();

        for (int i = 0; i < 20; i++) {
            assertEquals(
                    first,
                    VariantPicker.pick(List.copyOf(AB), user, "acct|PRODUCT_INQUIRY")
                            .orElseThrow()
                            .name());
        }
    }

    @Test
    void usersSpreadOverVariantsByWeight() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            counts.merge(VariantPicker.pick(AB, "user-" + i, "s").orElseThrow().name(), 1, Integer::sum);
        }
        double shareOfB = counts.get("B") / 20_000.0;

        assertTrue(shareOfB > 0.73 && shareOfB < 0.77, "share of B " + shareOfB);
    }

    @ParameterizedTest
    @CsvSource({"'hello', -6615550055289275125", "'', -3750763034362895579"})
    void hashIsTheStandardFnv1a64SoAssignmentsSurviveReleases(String value, long expected) {
        assertEquals(expected, VariantPicker.fnv1a(value));
    }

    @Test
    void noVariantsOrNoUserMeansNoVariant() {
        assertTrue(VariantPicker.pick(List.of(), "u", "s").isEmpty());
        assertTrue(VariantPicker.pick(AB, null, "s").isEmpty());
    }
}
