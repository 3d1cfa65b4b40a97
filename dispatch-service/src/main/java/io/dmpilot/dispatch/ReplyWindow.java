package io.dmpilot.dispatch;

import io.dmpilot.contracts.InboundEvent;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform's reply window (DESIGN §10): at most N replies within a time of the user's last message,
 * whose msg_id stops being valid after it. A reply outside it would be refused, so it is never attempted.
 * One script, one round trip, Redis' clock; a newer user message opens a new window.
 */
@ApplicationScoped
public class ReplyWindow {
    private static final String TAKE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local msgAt = tonumber(ARGV[1])
            local window = tonumber(ARGV[3])
            if now - msgAt > window then return 'message-too-old' end
            local last = tonumber(redis.call('HGET', KEYS[1], 'at') or '0')
            if msgAt > last then redis.call('HSET', KEYS[1], 'at', msgAt, 'n', 0) end
            if tonumber(redis.call('HGET', KEYS[1], 'n') or '0') >= tonumber(ARGV[2]) then return 'window-full' end
            redis.call('HINCRBY', KEYS[1], 'n', 1)
            redis.call('PEXPIRE', KEYS[1], window)
            return 'open'
            """;

    private static final String GIVE_BACK = """
            if tonumber(redis.call('HGET', KEYS[1], 'at') or '0') == tonumber(ARGV[1])
               and tonumber(redis.call('HGET', KEYS[1], 'n') or '0') > 0 then
              redis.call('HINCRBY', KEYS[1], 'n', -1)
            end
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final DispatchConfig config;

    public ReplyWindow(ReactiveRedisDataSource redis, DispatchConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** Takes one reply of the window of the message being answered: "open", or why it is closed. */
    public Uni<String> take(InboundEvent answered) {
        return redis.execute(
                        "EVAL",
                        TAKE,
                        "1",
                        key(answered),
                        Long.toString(createdAt(answered)),
                        Integer.toString(config.replyWindowMaxReplies()),
                        Long.toString(config.replyWindow().toMillis()))
                .map(Object::toString);
    }

    /** A reply the platform never took does not use the window. */
    public Uni<Void> giveBack(InboundEvent answered) {
        return redis.execute("EVAL", GIVE_BACK, "1", key(answered), Long.toString(createdAt(answered)))
                .replaceWithVoid();
    }

    public static boolean isOpen(String verdict) {
        return "open".equals(verdict);
    }

    /** The platform's creation time; ingest's receipt when the platform gave none. */
    private static long createdAt(InboundEvent answered) {
        return answered.createdAt() > 0 ? answered.createdAt() : answered.receivedAt();
    }

    private static String key(InboundEvent answered) {
        return ConversationKeys.window(answered.accountOpenId(), answered.conversationId());
    }
}
