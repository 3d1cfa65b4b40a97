package io.dmpilot.ingest.conversions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dmpilot.contracts.Conversion;
import io.dmpilot.contracts.ConversionKind;
import io.dmpilot.kit.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConversionRequestTest {
    private static final String VALID =
            "\"conversionId\":\"c-1\",\"kind\":\"ORDER_PLACED\",\"accountOpenId\":\"acct-1\","
                    + "\"conversationId\":\"conv-1\",\"userOpenId\":\"user-1\",\"valueCents\":12900,\"currency\":\"CNY\",\"at\":1700000000000";

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of(
                        "{\"kind\":\"ORDER_PLACED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\"}", "conversionId"),
                Arguments.of(
                        "{\"conversionId\":\"  \",\"kind\":\"ORDER_PLACED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\"}",
                        "conversionId"),
                Arguments.of(
                        "{\"conversionId\":7,\"kind\":\"ORDER_PLACED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\"}",
                        "conversionId"),
                Arguments.of("{\"conversionId\":\"x\",\"accountOpenId\":\"a\",\"conversationId\":\"c\"}", "kind"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"REFUNDED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\"}",
                        "kind"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"order_placed\",\"accountOpenId\":\"a\",\"conversationId\":\"c\"}",
                        "kind"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"LINK_CLICKED\",\"conversationId\":\"c\"}", "accountOpenId"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"LINK_CLICKED\",\"accountOpenId\":\"a\"}", "conversationId"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"LINK_CLICKED\",\"accountOpenId\":\"a\",\"conversationId\":[]}",
                        "conversationId"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"LINK_CLICKED\",\"accountOpenId\":\"a\",\"userOpenId\":{}}",
                        "userOpenId"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"ORDER_PLACED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\",\"valueCents\":-1,\"currency\":\"CNY\"}",
                        "valueCents"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"ORDER_PLACED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\",\"valueCents\":\"100\",\"currency\":\"CNY\"}",
                        "valueCents"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"ORDER_PLACED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\",\"valueCents\":1.5,\"currency\":\"CNY\"}",
                        "valueCents"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"ORDER_PLACED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\",\"valueCents\":99999999999999999999,\"currency\":\"CNY\"}",
                        "valueCents"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"ORDER_PLACED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\",\"valueCents\":100}",
                        "currency"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"ORDER_PLACED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\",\"valueCents\":100,\"currency\":\"yuan\"}",
                        "currency"),
                Arguments.of(
                        "{\"conversionId\":\"x\",\"kind\":\"LEAD_CAPTURED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\",\"at\":-5}",
                        "at"),
                Arguments.of(
                        "{\"conversionId\":\"" + "x".repeat(201)
                                + "\",\"kind\":\"LEAD_CAPTURED\",\"accountOpenId\":\"a\",\"conversationId\":\"c\"}",
                        "conversionId"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void invalidBodyIsRejectedNamingTheField(String body, String field) {
        ProblemException problem = assertThrows(ProblemException.class, () -> parse(body));
        assertEquals(400, problem.problem().status());
        assertEquals(field, problem.problem().field());
    }

    @ParameterizedTest
    @MethodSource("notObjects")
    void bodyThatIsNotAJsonObjectIsRejected(String body) {
        ProblemException problem = assertThrows(ProblemException.class, () -> parse(body));
        assertEquals(400, problem.problem().status());
    }

    static Stream<String> notObjects() {
        return Stream.of("", "{", "[]", "\"text\"", "42", "null");
    }

    @Test
    void validOrderIsReadWithEveryField() {
        Conversion conversion = parse("{" + VALID + "}");

        assertEquals(
                new Conversion(
                        "c-1", ConversionKind.ORDER_PLACED, "acct-1", "conv-1", "user-1", 12900, "CNY", 1700000000000L),
                conversion);
        assertEquals("conv-1", ConversionRequest.keyOf(conversion));
    }

    @Test
    void clickWithoutConversationIsAttributedToTheUserAndStampedNow() {
        Conversion conversion = parse(
                "{\"conversionId\":\"c-2\",\"kind\":\"LINK_CLICKED\",\"accountOpenId\":\"acct-1\",\"userOpenId\":\"user-9\"}");

        assertEquals(0, conversion.valueCents());
        assertEquals(42L, conversion.at());
        assertEquals("acct-1:user-9", ConversionRequest.keyOf(conversion));
    }

    private static Conversion parse(String body) {
        return ConversionRequest.parse(body.getBytes(StandardCharsets.UTF_8), 42L);
    }
}
