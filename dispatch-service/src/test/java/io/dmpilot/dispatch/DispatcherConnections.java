package io.dmpilot.dispatch;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Four dispatchers' quota gates, each on its own single Redis connection (the dispatcher-N clients). */
@ApplicationScoped
class DispatcherConnections {
    @Inject
    @RedisClientName("dispatcher-1")
    ReactiveRedisDataSource redis1;

    @Inject
    @RedisClientName("dispatcher-2")
    ReactiveRedisDataSource redis2;

    @Inject
    @RedisClientName("dispatcher-3")
    ReactiveRedisDataSource redis3;

    @Inject
    @RedisClientName("dispatcher-4")
    ReactiveRedisDataSource redis4;

    @Inject
    DispatchConfig config;

    List<QuotaGate> gates() {
        return List.of(redis1, redis2, redis3, redis4).stream()
                .map(redis -> new QuotaGate(redis, config))
                .toList();
    }
}
