package io.dmpilot.dispatch;

import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.InboundEvent;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What dispatch knows of one conversation, in Redis so every replica sees it: automatic replies in a row
 * (dispatch owns this count, it alone knows what was really sent), a person's recent answer that pauses
 * automation, and the hand-off entry while the conversation waits for an operator. Each change is one
 * script, one round trip. Keys carry the account as hash tag: a conversation and its account's hand-off
 * index live on one Redis Cluster slot.
 */
@ApplicationScoped
public class ConversationState {
    private static final String CHECK = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return {1, 0, 0} end
            if redis.call('EXISTS', KEYS[2]) == 1 then
              redis.call('HSET', KEYS[2], 'msgId', ARGV[1], 'lastText', ARGV[2], 'msgAt', ARGV[3])
              redis.call('HINCRBY', KEYS[2], 'waiting', 1)
              return {0, 1, 0}
            end
            return {0, 0, tonumber(redis.call('GET', KEYS[3]) or '0')}
            """;

    /** Shared by the two ways into the queue: the cap after a send, and a reply that could not go out. */
    private static final String ENQUEUE = """
            local function enqueue(ttl)
              local t = redis.call('TIME')
              local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
              if redis.call('HSETNX', KEYS[2], 'since', now) == 1 then
                redis.call('HSET', KEYS[2], 'conversationId', ARGV[3], 'accountOpenId', ARGV[4],
                  'userOpenId', ARGV[5], 'reason', ARGV[6], 'msgId', ARGV[7], 'lastText', ARGV[8], 'msgAt', ARGV[9], 'waiting', ARGV[10])
                redis.call('ZADD', KEYS[3], now, ARGV[3])
              end
              redis.call('PEXPIRE', KEYS[2], ttl)
              redis.call('PEXPIRE', KEYS[3], ttl)
            end
            """;

    private static final String AFTER_SEND = ENQUEUE + """
            local n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            if n >= tonumber(ARGV[1]) then enqueue(ARGV[2]) return {n, 1} end
            return {n, 0}
            """;

    private static final String HAND_OFF = ENQUEUE + """
            enqueue(ARGV[2])
            return 1
            """;

    private static final String HUMAN_REPLIED = """
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            redis.call('DEL', KEYS[2])
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final DispatchConfig config;

    public ConversationState(ReactiveRedisDataSource redis, DispatchConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** Where a conversation stands before an automatic reply. */
    public record Standing(boolean humanActive, boolean handedOff, int autoRepliesInARow) {}

    /** Reads the standing; a conversation already waiting for a person learns of the user's newest message. */
    public Uni<Standing> standing(InboundEvent inbound) {
        String account = inbound.accountOpenId();
        String conversation = inbound.conversationId();
        return redis.execute(
                        "EVAL",
                        CHECK,
                        "3",
                        Keys.human(account, conversation),
                        Keys.handoff(account, conversation),
                        Keys.inARow(account, conversation),
                        inbound.serverMessageId(),
                        nullToEmpty(inbound.text()),
                        Long.toString(inbound.createdAt()))
                .map(r -> new Standing(
                        r.get(0).toInteger() == 1,
                        r.get(1).toInteger() == 1,
                        r.get(2).toInteger()));
    }

    /** Counts a sent automatic reply; true when it was the last one allowed and the conversation went to a person. */
    public Uni<Boolean> autoReplySent(InboundEvent inbound) {
        return queueScript(AFTER_SEND, inbound, HandoffReason.AUTO_REPLY_CAP)
                .map(r -> r.get(1).toInteger() == 1);
    }

    /** Puts the conversation in the hand-off queue (no-op when it is there already). */
    public Uni<Void> handOff(InboundEvent inbound, HandoffReason reason) {
        return queueScript(HAND_OFF, inbound, reason).replaceWithVoid();
    }

    /** A person answered: automation pauses for a while and the in-a-row count starts again. */
    public Uni<Void> humanReplied(String account, String conversation) {
        return redis.execute(
                        "EVAL",
                        HUMAN_REPLIED,
                        "2",
                        Keys.human(account, conversation),
                        Keys.inARow(account, conversation),
                        Long.toString(config.humanPause().toMillis()))
                .replaceWithVoid();
    }

    public Uni<Integer> autoRepliesInARow(String account, String conversation) {
        return redis.execute("GET", Keys.inARow(account, conversation)).map(r -> r == null ? 0 : r.toInteger());
    }

    private Uni<io.vertx.mutiny.redis.client.Response> queueScript(
            String script, InboundEvent inbound, HandoffReason reason) {
        String account = inbound.accountOpenId();
        String conversation = inbound.conversationId();
        return redis.execute(
                "EVAL",
                script,
                "3",
                Keys.inARow(account, conversation),
                Keys.handoff(account, conversation),
                Keys.handoffIndex(account),
                Integer.toString(config.autoRepliesInARow()),
                Long.toString(config.conversationTtl().toMillis()),
                conversation,
                account,
                inbound.userOpenId(),
                reason.name(),
                inbound.serverMessageId(),
                nullToEmpty(inbound.text()),
                Long.toString(inbound.createdAt()),
                // the cap's last message was answered; an over-quota one is still waiting
                reason == HandoffReason.AUTO_REPLY_CAP ? "0" : "1");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Key names of conversation state, shared with the hand-off queue. */
    public static final class Keys {
        /** Every key of a conversation starts so; scripts that list conversations build keys from it. */
        public static String conversations(String account) {
            return "dispatch:conv:{" + account + "}:";
        }

        public static String inARow(String account, String conversation) {
            return conversations(account) + conversation + ":in-a-row";
        }

        public static String human(String account, String conversation) {
            return conversations(account) + conversation + ":human";
        }

        public static String handoff(String account, String conversation) {
            return conversations(account) + conversation + ":handoff";
        }

        public static String window(String account, String conversation) {
            return conversations(account) + conversation + ":window";
        }

        public static String handoffIndex(String account) {
            return "dispatch:handoffs:{" + account + "}";
        }

        private Keys() {}
    }
}
