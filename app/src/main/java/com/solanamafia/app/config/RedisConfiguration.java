package com.solanamafia.app.config;

import com.solanamafia.app.embedded.EmbeddedRedis;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/** One Redisson client; Redis being down must not stop the app from starting or answering from PostgreSQL. */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "spring.data.redis.url", havingValue = "embedded", matchIfMissing = true)
    EmbeddedRedis embeddedRedis(SolanaMafiaProperties properties) throws IOException {
        EmbeddedRedis redis = EmbeddedRedis.start(properties.dataDir().resolve("redis"));
        log.info("No REDIS_URL set: started embedded Redis at {}", redis.url());
        return redis;
    }

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(@Value("${spring.data.redis.url:embedded}") String url,
                            ObjectProvider<EmbeddedRedis> embedded) {
        String address = "embedded".equals(url) ? embedded.getObject().url() : url;
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer()
                .setAddress(address)
                .setConnectTimeout(2000)
                .setTimeout(1000)
                .setRetryAttempts(1)
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(32);
        return Redisson.create(config);
    }
}
