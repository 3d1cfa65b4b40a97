package io.dmpilot.dispatch;

import io.dmpilot.contracts.Tier;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "dmpilot.dispatch")
public interface DispatchConfig {
    /** The "对方正在输入" pause before each send (seed §4); 0 turns it off (benchmarks, local demo). */
    @WithDefault("500ms")
    Duration typingPauseMin();

    @WithDefault("2s")
    Duration typingPauseMax();

    /** Business hours per account (seed §4: outside them, a longer interval between message and reply). */
    BusinessHoursConfig businessHours();

    interface BusinessHoursConfig {
        /** The zone of hours written without one (DESIGN §5: Asia/Shanghai). */
        @WithDefault("Asia/Shanghai")
        java.time.ZoneId zone();

        /**
         * {@code [MON-FRI ]09:00-21:00[ zone]}, {@code always} or {@code never}, for accounts not listed.
         * {@code always} by default: an account is never paced as off-hours unless its hours were set.
         */
        @WithDefault("always")
        String defaultHours();

        /** Per account open id, in the same form. */
        Map<String, String> accounts();

        /** Outside business hours the pause before a send is drawn from here instead of the typing pause. */
        @WithDefault("5s")
        Duration offHoursPauseMin();

        @WithDefault("15s")
        Duration offHoursPauseMax();

        /** A pause never eats into the last this-much before the reply's deadline. */
        @WithDefault("10s")
        Duration deadlineReserve();
    }

    /** The rolling window of the quotas (DESIGN §4: a minute; tests shrink it to roll it several times in seconds). */
    @WithDefault("60s")
    Duration quotaWindow();

    /**
     * Replies in flight at once (of different conversations; one conversation's go one by one). Each may wait
     * seconds for its typing pause or quota, so one at a time would cap a dispatcher at about a reply a second.
     */
    @WithDefault("128")
    int maxInFlight();

    /** Replies per rolling minute by tier, when not the tier's default of DESIGN §4. */
    Map<Tier, Integer> quotaPerMinute();

    /** Access token of an account whose token was never refreshed (seeded accounts, local runs). Never logged. */
    @WithDefault("sim-token")
    String accessToken();

    /** Refresh token that goes with {@link #accessToken()}. Never logged. */
    @WithDefault("sim-refresh")
    String refreshToken();

    /** Our app's client_key, sent with token refreshes. */
    @WithDefault("sim-app")
    String clientKey();

    /** Refresh an access token this long before it expires (the platform's last 15 days). */
    @WithDefault("24h")
    Duration tokenRefreshMargin();

    /** Automatic replies in a row before the conversation goes to a person (seed §4: 3). */
    @WithDefault("3")
    int autoRepliesInARow();

    /** Appended to the last automatic reply before the hand-off, so the user knows a person will answer. */
    @WithDefault("如需人工服务，请回复“人工”，客服将尽快为您服务。")
    String humanServiceEntry();

    /** How long automation stays quiet in a conversation after a person answered in it. */
    @WithDefault("30m")
    Duration humanPause();

    /** How long conversation state (in-a-row count, hand-off entry) lives without activity. */
    @WithDefault("7d")
    Duration conversationTtl();

    /** The platform's reply window: at most this many replies … */
    @WithDefault("6")
    int replyWindowMaxReplies();

    /** … within this time of the user's last message (msg_id is valid 24 h). */
    @WithDefault("24h")
    Duration replyWindow();

    /**
     * How long a send that got no answer (a time-out) waits for the platform's echo before it is recorded as
     * FAILED send-unconfirmed; it is never sent again, since the platform may have taken it.
     */
    @WithDefault("10s")
    Duration echoWait();

    /** Pause before trying a send again after the client's own retries gave up (outage, rate limit). */
    @WithDefault("2s")
    Duration platformRetryPause();

    /** How long a send decision is remembered against redelivery: longer than any consumer outage. */
    @WithDefault("48h")
    Duration sendLedgerTtl();

    /**
     * How long a replica's claim on a reply outlives its last renewal. While it lives, a replica that received
     * the same record after a rebalance waits for the owner's outcome; once it lapses (the owner died), the
     * claim is taken over and the lapsed owner can no longer send. Renewed every third of it.
     */
    @WithDefault("30s")
    Duration claimLease();

    /** Degrade under load (seed §7). */
    Degrade degrade();

    interface Degrade {
        /** Off: every reply is charged against its own tier, whatever the load. */
        @WithDefault("true")
        boolean enabled();

        /** Inbound messages per second (whole pipeline) at which CUSTOM replies are charged as ADVANCED. */
        @WithDefault("800")
        double advancedInboundPerSecond();

        /** Records dispatch's consumer group is behind on dm.reply-vetted.v1 at which the same happens. */
        @WithDefault("5000")
        long advancedLag();

        /** Inbound rate at which CUSTOM replies are charged as BASIC. */
        @WithDefault("1500")
        double basicInboundPerSecond();

        @WithDefault("20000")
        long basicLag();

        /** A level is left once both signals are below this share of its thresholds … */
        @WithDefault("0.7")
        double recoverRatio();

        /** … and it has held this long (one level down per hold). */
        @WithDefault("30s")
        Duration hold();

        /** How often the load is measured (a few Kafka admin requests per replica). */
        @WithDefault("2s")
        Duration sampleInterval();

        /** The topic whose growth is the inbound rate; the dm-inbound channel's topic when unset. */
        Optional<String> inboundTopic();

        /** The consumer group whose lag counts; the dm-reply-vetted channel's group when unset. */
        Optional<String> lagGroup();
    }

    /** Per account open id, replies per rolling minute by tier, over the tier's quota above. */
    Map<String, Map<Tier, Integer>> accountQuotaPerMinute();

    default int quota(Tier tier) {
        return Optional.ofNullable(quotaPerMinute().get(tier)).orElse(tier.repliesPerMinute());
    }

    default int quota(String accountOpenId, Tier tier) {
        return Optional.ofNullable(accountQuotaPerMinute().get(accountOpenId))
                .map(byTier -> byTier.get(tier))
                .orElseGet(() -> quota(tier));
    }
}
