package com.solanamafia.app.health;

import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP when Redis answers a round trip through the app's own Redisson client. */
@Component("redisServer")
public class RedisHealthIndicator implements HealthIndicator {
    private final RedissonClient redisson;

    public RedisHealthIndicator(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Health health() {
        try {
            boolean pong = redisson.getRedisNodes(RedisNodes.SINGLE).pingAll();
            return pong ? Health.up().build() : Health.down().withDetail("error", "no PONG").build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
