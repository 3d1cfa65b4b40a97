package io.dmpilot.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "dmpilot.rules")
public interface RulesConfig {
    /** Seed §6: a reply must leave within 90 s of the message or it is EXPIRED. */
    @WithDefault("90s")
    Duration replyDeadline();

    /** Creates the demo account douyin-sim talks to, so the platform answers out of the box. */
    @WithDefault("true")
    boolean seedDemoAccount();

    /** How long a user stays known to an account: after that, a message is a new follower's first again. */
    @WithDefault("365d")
    Duration followerMemory();

    /**
     * Automatic replies in a row are forgotten after this quiet time (the reply window of DESIGN §10), as
     * when a person answers.
     */
    @WithDefault("24h")
    Duration autoReplyStreakTimeout();

    Semantic semantic();

    Cache cache();

    /** Compiled account rules kept in memory (AccountRulesCache). */
    interface Cache {
        /** Reloaded after this even without a change event: the bound on staleness if one is ever missed. */
        @WithDefault("5m")
        Duration maxAge();
    }

    Wording wording();

    /** The CUSTOM tier's semantic engine (bge-small-zh-v1.5 sentence embeddings, in process). */
    interface Semantic {
        /** Off: CUSTOM accounts answer with keyword rules only, and the model is never loaded. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Cosine similarity below which no intent is near enough and the keyword rules decide: the default of
         * every account that has not set its own ({@code PUT /accounts/{id}/semantic-threshold}).
         */
        @WithDefault("0.62")
        double threshold();

        /** Load the model at start-up (in the background) rather than on the first CUSTOM message. */
        @WithDefault("true")
        boolean preload();

        /** Encodings at once, each on one thread (ONNX Runtime intra-op threads = 1): about the cores given. */
        @WithDefault("2")
        int threads();

        /** Example-phrase vectors kept (2 KiB each); accounts share the default phrases. */
        @WithDefault("20000")
        int cacheSize();
    }

    /** Optional LLM rewording of a CUSTOM reply through an OpenAI-compatible chat completions endpoint. */
    interface Wording {
        @WithDefault("false")
        boolean enabled();

        /** Base URL, e.g. {@code https://api.example.com/v1}; {@code /chat/completions} is appended. */
        Optional<String> baseUrl();

        Optional<String> apiKey();

        @WithDefault("gpt-4o-mini")
        String model();

        /** Past this the template's own text is sent: the CUSTOM SLO is 5 s end to end. */
        @WithDefault("1500ms")
        Duration timeout();
    }
}
