package io.dmpilot.contracts.douyin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HostileWebhooksTest {
    @Test
    void theSameSeedGivesTheSameRequests() {
        HostileWebhooks a = new HostileWebhooks(7, "t", "s", "acct");
        HostileWebhooks b = new HostileWebhooks(7, "t", "s", "acct");
        for (int i = 0; i < 200; i++) {
            HostileWebhooks.Request x = a.next(i);
            HostileWebhooks.Request y = b.next(i);
            assertArrayEquals(x.body(), y.body());
            assertEquals(x.signature(), y.signature());
            assertEquals(x.kind(), y.kind());
        }
    }

    @Test
    void everyKindOfBadBodyIsDrawn() {
        HostileWebhooks bodies = new HostileWebhooks(1, "t", "s", "acct");
        Set<String> kinds = new TreeSet<>();
        for (int i = 0; i < 500; i++) kinds.add(bodies.next(i).kind());
        assertEquals(
                Set.of(
                        "random-json",
                        "truncated",
                        "huge-string",
                        "invalid-utf8",
                        "random-bytes",
                        "deep-nesting",
                        "content-as-garbage-string",
                        "wrong-types"),
                kinds);
    }

    @Test
    void bodiesAreAddressedToTheGivenAccountAndCarryTheirIds() {
        HostileWebhooks bodies = new HostileWebhooks(3, "tag9", "s", "shop-42");
        int addressed = 0;
        for (int i = 0; i < 300; i++) {
            String body = new String(bodies.next(i).body(), StandardCharsets.ISO_8859_1);
            if (body.contains("\"shop-42\"")) addressed++;
        }
        assertTrue(addressed > 50, "addressed to shop-42: " + addressed);
        assertEquals("tag9-5", bodies.messageId(5));
        assertEquals("conv-tag9-5", bodies.conversationId(5));
    }

    @Test
    void someSignaturesAreValidSoTheReceiverMustParseWhatItVerifies() {
        HostileWebhooks bodies = new HostileWebhooks(5, "t", "secret", "acct");
        int valid = 0;
        for (int i = 0; i < 300; i++) {
            HostileWebhooks.Request request = bodies.next(i);
            if (request.signature() != null && DouyinSignature.verify("secret", request.body(), request.signature())) {
                valid++;
            }
        }
        assertTrue(valid > 50, "validly signed: " + valid);
    }
}
