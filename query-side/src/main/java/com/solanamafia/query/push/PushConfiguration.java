package com.solanamafia.query.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.solanamafia.query.cache.RedisNamespace;
import com.solanamafia.query.push.auth.WalletAuthenticator;
import com.solanamafia.query.push.redis.FanoutReader;
import com.solanamafia.query.push.redis.PushStore;
import com.solanamafia.query.push.session.PushWebSocketHandler;
import com.solanamafia.query.push.session.SessionRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;

import java.math.BigInteger;
import java.time.Clock;

/**
 * The WebSocket push gateway: the "push" event processor (publisher) and, on every instance, the {@code /ws}
 * endpoint with its fan-out reader. Off with {@code solana-mafia.push.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(PushProperties.class)
@ConditionalOnProperty(name = "solana-mafia.push.enabled", havingValue = "true", matchIfMissing = true)
public class PushConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PushConfiguration.class);
    /**
     * Events per push batch: one transaction, one token update and one Redis script each. A batch takes what is
     * there, so at a steady rate batches stay small; a backlog drains in big ones (a 250-event script keeps Redis
     * busy for a few ms).
     */
    static final int BATCH_SIZE = 250;

    /**
     * The "push" processor: a single-threaded tracking processor (one segment, so one node publishes and
     * per-channel order is the event-store order), batches of up to {@value #BATCH_SIZE}, starting at the HEAD of the event stream
     * when it has no token: it never replays history. Tracking rather than pooled because Axon's pooled
     * coordinator polls an idle stream every 500 ms, which would dominate push latency; the tracking processor
     * is woken by the event store. Registered here, not in application.yml: the yml processor entries cannot
     * set an initial token. On a handler failure (Redis down) it backs off (1 s doubling to 60 s) and retries.
     */
    @Bean
    ConfigurerModule pushProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(PushEventHandler.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH_SIZE)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }

    @Bean
    PushMessages pushMessages(ObjectProvider<ObjectMapper> objectMapper) {
        ObjectMapper json = objectMapper.getIfAvailable(ObjectMapper::new).copy();
        json.findAndRegisterModules();
        json.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // u64 values that are not Lamports (serial numbers, days held) must survive JavaScript numbers too
        json.registerModule(new SimpleModule("push-bigint").addSerializer(BigInteger.class, ToStringSerializer.instance));
        return new PushMessages(json);
    }

    @Bean
    PushEventMapper pushEventMapper(PushMessages messages) {
        return new PushEventMapper(messages.json());
    }

    @Bean
    PushStore pushStore(RedissonClient redisson, PushProperties properties, RedisNamespace namespace) {
        return new PushStore(redisson, properties, namespace.key("push"));
    }

    private static MeterRegistry meters(ObjectProvider<MeterRegistry> meters) {
        return meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    @Bean
    PushEventHandler pushEventHandler(PushEventMapper mapper, PushMessages messages, PushStore store,
                                      ObjectProvider<MeterRegistry> meters) {
        return new PushEventHandler(mapper, messages, store, meters(meters));
    }

    @Bean(destroyMethod = "close")
    SessionRegistry pushSessionRegistry(PushProperties properties, PushStore store, PushMessages messages,
                                        ObjectProvider<MeterRegistry> meters) {
        return new SessionRegistry(properties, store, messages, meters(meters));
    }

    @Bean
    FanoutReader pushFanoutReader(RedissonClient redisson, PushStore store, SessionRegistry registry,
                                  ObjectProvider<MeterRegistry> meters) {
        return new FanoutReader(redisson, store, registry, meters(meters));
    }

    @Bean
    WalletAuthenticator pushWalletAuthenticator(PushProperties properties, @Qualifier("pushClock") ObjectProvider<Clock> clock) {
        return new WalletAuthenticator(clock.getIfAvailable(Clock::systemUTC), properties.challengeTtl());
    }

    @Bean
    PushWebSocketHandler pushWebSocketHandler(SessionRegistry registry, WalletAuthenticator authenticator,
                                              PushMessages messages, PushProperties properties,
                                              ObjectProvider<MeterRegistry> meters) {
        return new PushWebSocketHandler(registry, authenticator, messages, properties, meters(meters));
    }

    @Bean
    WebSocketConfigurer pushEndpoint(PushWebSocketHandler handler, PushProperties properties,
                                     ObjectProvider<ServletContext> servletContext) {
        configureContainer(servletContext.getIfAvailable(), properties);
        return registry -> registry.addHandler(handler, properties.path())
                .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }

    /**
     * Small per-connection read buffers (messages arrive in parts, see {@link PushWebSocketHandler#supportsPartialMessages()}),
     * and a container idle timeout as a backstop to the protocol's own. Absent in a mock web environment.
     */
    private static void configureContainer(ServletContext context, PushProperties properties) {
        Object container = context == null ? null : context.getAttribute(ServerContainer.class.getName());
        if (container instanceof ServerContainer server) {
            server.setDefaultMaxTextMessageBufferSize(2048);
            server.setDefaultMaxBinaryMessageBufferSize(1024);
            server.setDefaultMaxSessionIdleTimeout(properties.idleTimeout().plusSeconds(30).toMillis());
            server.setAsyncSendTimeout(properties.sendTimeout().toMillis());
        } else {
            log.debug("no WebSocket server container (mock web environment?): container defaults unchanged");
        }
    }
}
