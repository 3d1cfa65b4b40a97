package io.dmpilot.rules;

import io.dmpilot.contracts.InboundEvent;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hot conversation state in Redis (keys {@code rules:*}), one round trip per question, safe on redelivery:
 * a message seen again gets the answers it got the first time.
 *
 * <ul>
 *   <li>{@code rules:follower:<account>:<user>} holds the event id of the user's first message to the account;
 *   <li>{@code rules:conv:<conversation>} counts automatic replies in a row ({@code count}) and remembers, per
 *       event, the count it was given; a person's reply in the Douyin app deletes it, so does its time-out.
 * </ul>
 */
@ApplicationScoped
public class ConversationState {
    /** Marks the follower (first event id wins) and answers whether this event is their first message. */
    private static final String FIRST_MESSAGE = """
            redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2])
            if redis.call('GET', KEYS[1]) == ARGV[1] then return 1 end
            return 0
            """;

    /** Counts one automatic reply; returns the count before it. The same event counts once. */
    private static final String COUNT_REPLY = """
            local field = 'e:' .. ARGV[1]
            local before = redis.call('HGET', KEYS[1], field)
            if not before then
              before = redis.call('HINCRBY', KEYS[1], 'count', 1) - 1
              redis.call('HSET', KEYS[1], field, before)
            end
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            return tonumber(before)
            """;

    private final ReactiveRedisDataSource redis;
    private final RulesConfig config;

    public ConversationState(ReactiveRedisDataSource redis, RulesConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public Uni<Boolean> firstMessage(InboundEvent inbound) {
        String key = "rules:follower:" + inbound.accountOpenId() + ":" + inbound.userOpenId();
        return eval(
                        FIRST_MESSAGE,
                        key,
                        inbound.eventId(),
                        config.followerMemory().toSeconds())
                .map(r -> r.toInteger() == 1);
    }

    /** The number of automatic replies already sent in a row in the conversation, before this one. */
    public Uni<Integer> countAutoReply(InboundEvent inbound) {
        return eval(
                        COUNT_REPLY,
                        conversationKey(inbound.conversationId()),
                        inbound.eventId(),
                        config.autoReplyStreakTimeout().toSeconds())
                .map(Response::toInteger);
    }

    /** A person answered: the next automatic reply is the first in a row again. */
    public Uni<Void> humanReplied(String conversationId) {
        return redis.key().del(conversationKey(conversationId)).replaceWithVoid();
    }

    private static String conversationKey(String conversationId) {
        return "rules:conv:" + conversationId;
    }

    private Uni<Response> eval(String script, String key, String eventId, long ttlSeconds) {
        return redis.execute("EVAL", script, "1", key, eventId, String.valueOf(ttlSeconds));
    }
}
