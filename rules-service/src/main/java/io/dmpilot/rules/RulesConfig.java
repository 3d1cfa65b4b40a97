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

        /**
         * How many accounts' compiled rules a replica holds at most; 12,000 × 16–21 KiB ≈ 190–250 MiB of heap
         * (the Kubernetes base gives rules-service 1 GiB, half of it heap). Fewer: accounts beyond it are read
         * from PostgreSQL again on their next message.
         */
        @WithDefault("12000")
        long maxAccounts();
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

        /**
         * Messages queued in the encoder's pool or being encoded at most; a message beyond it is answered by the
         * keyword rules at once, marked {@code degraded: semantic-backlog}. One core encodes ~60–70 messages/s
         * (docs/benchmarks/rules-engines.md), so 2 threads drain ~120/s and 240 are about 2 s of work: the last
         * of them still gets its vector within the CUSTOM SLO of 5 s (DESIGN §4) after the typing pause (up to
         * 2 s) and the rest of the pipeline, far inside the 90 s reply deadline — which alone would allow
         * 90 s × 120/s ≈ 10,800, a queue in which every CUSTOM reply would miss its SLO. Scale it with
         * {@code threads}. The inbound consumer takes each partition's messages in order, so today the pool holds
         * at most its concurrency (3) and a burst queues in Kafka instead, where {@link #timeout()} bounds it;
         * this bound holds if more messages are ever encoded at once.
         */
        @WithDefault("240")
        int maxBacklog();

        /**
         * How long after its receipt a message may still wait for its vector (in Kafka, in the pool's queue, being
         * encoded) before the keyword rules answer it, marked {@code degraded: semantic-timeout}; one that reaches
         * the encoder later than this is not encoded at all. It is what bounds a burst's Kafka lag, and what the
         * backlog cannot see — a starved CPU, a long GC, the model still loading. 2.5 s leaves the CUSTOM SLO's
         * other half for the pipeline and the typing pause; a healthy encoding takes 11–13 ms (p99.9 under 200 ms
         * on a loaded machine).
         */
        @WithDefault("2500ms")
        Duration timeout();

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
