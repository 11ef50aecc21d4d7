package com.solanamafia.query.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Limits and timings of the WebSocket push gateway ({@code solana-mafia.push.*}). Every value has a default;
 * docs/websocket-protocol.md explains what each one means to a client.
 *
 * @param enabled                 false turns off the endpoint, the push processor's Redis writes and the fan-out reader
 * @param path                    the endpoint path
 * @param allowedOrigins          Origin patterns allowed to open the WebSocket ("*" for any)
 * @param challengeTtl            how long an auth challenge may be answered
 * @param historyMaxLength        messages kept per channel for resume
 * @param historyMaxAge           messages older than this are not replayed (resync instead)
 * @param maxFrameBytes           largest client message (characters); larger ones are discarded with an error
 * @param maxConnectionsPerWallet authenticated connections per wallet on one instance
 * @param maxSubscriptions        channels per connection
 * @param clientMessagesPerSecond client message rate; above it messages are refused, at 5x the connection closes
 * @param sendBufferBytes         bytes queued for one connection before it is closed as too slow
 * @param sendBufferMessages      messages queued for one connection before it is closed as too slow
 * @param sendTimeout             one write taking longer closes the connection as too slow
 * @param pingInterval            the server sends {"type":"ping"} this often
 * @param idleTimeout             a connection with no client message for this long is closed
 * @param dedupeTtl               how long a published event id is remembered (processor redelivery window)
 * @param fanoutMaxLength         approximate length of the shared fan-out stream every instance reads
 */
@ConfigurationProperties("solana-mafia.push")
public record PushProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/ws") String path,
        @DefaultValue("*") List<String> allowedOrigins,
        @DefaultValue("60s") Duration challengeTtl,
        @DefaultValue("1000") int historyMaxLength,
        @DefaultValue("15m") Duration historyMaxAge,
        @DefaultValue("8192") int maxFrameBytes,
        @DefaultValue("5") int maxConnectionsPerWallet,
        @DefaultValue("32") int maxSubscriptions,
        @DefaultValue("20") int clientMessagesPerSecond,
        @DefaultValue("1048576") int sendBufferBytes,
        @DefaultValue("2000") int sendBufferMessages,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("25s") Duration pingInterval,
        @DefaultValue("75s") Duration idleTimeout,
        @DefaultValue("24h") Duration dedupeTtl,
        @DefaultValue("100000") int fanoutMaxLength) {
}
