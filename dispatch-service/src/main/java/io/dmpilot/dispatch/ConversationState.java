package io.dmpilot.dispatch;

import io.dmpilot.contracts.Handoff;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.InboundEvent;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

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
              elseif ARGV[7] ~= '' and redis.call('HGET', KEYS[2], 'msgId') ~= ARGV[7] then
                -- queued already (by a hand-off record that knew no message): this is the message to answer
                redis.call('HSET', KEYS[2], 'msgId', ARGV[7], 'lastText', ARGV[8], 'msgAt', ARGV[9])
                redis.call('HINCRBY', KEYS[2], 'waiting', tonumber(ARGV[10]))
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

    /** A hand-off record from another service, once per hand-off id (KEYS[4]): a redelivery after release is no new hand-off. */
    private static final String HAND_OFF_ONCE = ENQUEUE + """
            if not redis.call('SET', KEYS[4], '1', 'NX', 'PX', ARGV[2]) then return 0 end
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
                        ConversationKeys.human(account, conversation),
                        ConversationKeys.handoff(account, conversation),
                        ConversationKeys.inARow(account, conversation),
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
        return queueScript(AFTER_SEND, Entry.of(inbound, HandoffReason.AUTO_REPLY_CAP))
                .map(r -> r.get(1).toInteger() == 1);
    }

    /** Puts the conversation in the hand-off queue (no-op when it is there already). */
    public Uni<Void> handOff(InboundEvent inbound, HandoffReason reason) {
        return queueScript(HAND_OFF, Entry.of(inbound, reason)).replaceWithVoid();
    }

    /**
     * Queues the conversation for a hand-off raised elsewhere (compliance's inbound screening): automation
     * pauses for it until an operator releases it, as after the cap. False when this hand-off id was seen.
     */
    public Uni<Boolean> handOff(Handoff handoff) {
        String seen = ConversationKeys.handoffSeen(handoff.accountOpenId(), handoff.handoffId());
        return queueScript(HAND_OFF_ONCE, Entry.of(handoff), seen).map(r -> r.toInteger() == 1);
    }

    /** A person answered: automation pauses for a while and the in-a-row count starts again. */
    public Uni<Void> humanReplied(String account, String conversation) {
        return redis.execute(
                        "EVAL",
                        HUMAN_REPLIED,
                        "2",
                        ConversationKeys.human(account, conversation),
                        ConversationKeys.inARow(account, conversation),
                        Long.toString(config.humanPause().toMillis()))
                .replaceWithVoid();
    }

    public Uni<Integer> autoRepliesInARow(String account, String conversation) {
        return redis.execute("GET", ConversationKeys.inARow(account, conversation))
                .map(r -> r == null ? 0 : r.toInteger());
    }

    /**
     * What the queue scripts write: who waits, why, and the user's message to answer ("" when not known yet,
     * the next reply fills it in); {@code waiting} counts that message as unanswered.
     */
    private record Entry(
            String account,
            String conversation,
            String user,
            HandoffReason reason,
            String msgId,
            String text,
            long msgAt,
            int waiting) {
        static Entry of(InboundEvent inbound, HandoffReason reason) {
            return new Entry(
                    inbound.accountOpenId(),
                    inbound.conversationId(),
                    inbound.userOpenId(),
                    reason,
                    inbound.serverMessageId(),
                    nullToEmpty(inbound.text()),
                    inbound.createdAt(),
                    // the cap's last message was answered; an over-quota or screened one is still waiting
                    reason == HandoffReason.AUTO_REPLY_CAP ? 0 : 1);
        }

        static Entry of(Handoff handoff) {
            return new Entry(
                    handoff.accountOpenId(),
                    handoff.conversationId(),
                    handoff.userOpenId(),
                    handoff.reason(),
                    "",
                    "",
                    0,
                    0);
        }
    }

    private Uni<Response> queueScript(String script, Entry entry, String... moreKeys) {
        List<String> args = new ArrayList<>(List.of(
                script,
                Integer.toString(3 + moreKeys.length),
                ConversationKeys.inARow(entry.account(), entry.conversation()),
                ConversationKeys.handoff(entry.account(), entry.conversation()),
                ConversationKeys.handoffIndex(entry.account())));
        args.addAll(List.of(moreKeys));
        args.addAll(List.of(
                Integer.toString(config.autoRepliesInARow()),
                Long.toString(config.conversationTtl().toMillis()),
                entry.conversation(),
                entry.account(),
                entry.user(),
                entry.reason().name(),
                entry.msgId(),
                entry.text(),
                Long.toString(entry.msgAt()),
                Integer.toString(entry.waiting())));
        return redis.execute("EVAL", args.toArray(String[]::new));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
