package io.dmpilot.dispatch.handoff;

import io.dmpilot.dispatch.ConversationKeys;
import io.dmpilot.kit.ProblemException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-off queue in Redis, beside the conversation state that fills it (the cap and over-quota put a
 * conversation in it atomically with the count, in one script): a hash per conversation and, per account,
 * a sorted set by hand-off time, so listing oldest first is one range read.
 */
@ApplicationScoped
public class HandoffQueue {
    /** Oldest first, at least ARGV[1] ms old; entries whose hash expired leave the index on the way. */
    private static final String LIST = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]), 'LIMIT', 0, tonumber(ARGV[2]))
            local out = {now}
            for _, conversation in ipairs(ids) do
              local fields = redis.call('HGETALL', ARGV[3] .. conversation .. ':handoff')
              if #fields == 0 then redis.call('ZREM', KEYS[1], conversation) else table.insert(out, fields) end
            end
            return out
            """;

    private static final String CLAIM = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
            local by = redis.call('HGET', KEYS[1], 'claimedBy')
            if by and by ~= ARGV[1] then return by end
            redis.call('HSET', KEYS[1], 'claimedBy', ARGV[1])
            return 'ok'
            """;

    private static final String RELEASE = """
            local existed = redis.call('DEL', KEYS[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('DEL', KEYS[3])
            return existed
            """;

    private final ReactiveRedisDataSource redis;

    public HandoffQueue(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public Uni<List<HandoffEntry>> list(String account, long minAgeMillis, int limit) {
        return redis.execute(
                        "EVAL",
                        LIST,
                        "1",
                        ConversationKeys.handoffIndex(account),
                        Long.toString(minAgeMillis),
                        Integer.toString(limit),
                        ConversationKeys.conversations(account))
                .map(HandoffQueue::entries);
    }

    public Uni<HandoffEntry> get(String account, String conversation) {
        return redis.hash(String.class)
                .hgetall(ConversationKeys.handoff(account, conversation))
                .map(fields -> {
                    if (fields == null || fields.isEmpty()) throw notQueued(conversation);
                    return HandoffEntry.of(fields, System.currentTimeMillis());
                });
    }

    /** Claims for an operator; claiming again is harmless, another operator's claim is a conflict. */
    public Uni<HandoffEntry> claim(String account, String conversation, String operator) {
        return redis.execute("EVAL", CLAIM, "1", ConversationKeys.handoff(account, conversation), operator)
                .chain(r -> {
                    String result = r.toString();
                    if ("missing".equals(result)) throw notQueued(conversation);
                    if (!"ok".equals(result)) throw ProblemException.conflict("claimed by " + result);
                    return get(account, conversation);
                });
    }

    /** Back to automation: out of the queue, with the in-a-row count starting again. */
    public Uni<Void> release(String account, String conversation) {
        return redis.execute(
                        "EVAL",
                        RELEASE,
                        "3",
                        ConversationKeys.handoff(account, conversation),
                        ConversationKeys.handoffIndex(account),
                        ConversationKeys.inARow(account, conversation),
                        conversation)
                .map(r -> {
                    if (r.toInteger() == 0) throw notQueued(conversation);
                    return null;
                })
                .replaceWithVoid();
    }

    private static ProblemException notQueued(String conversation) {
        return ProblemException.notFound("conversation " + conversation + " is not in the hand-off queue");
    }

    private static List<HandoffEntry> entries(Response response) {
        long now = response.get(0).toLong();
        List<HandoffEntry> out = new ArrayList<>();
        for (int i = 1; i < response.size(); i++) {
            Response flat = response.get(i);
            Map<String, String> fields = new HashMap<>();
            for (int f = 0; f + 1 < flat.size(); f += 2) {
                fields.put(flat.get(f).toString(), flat.get(f + 1).toString());
            }
            out.add(HandoffEntry.of(fields, now));
        }
        return out;
    }
}
