package com.solanamafia.app.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replay's event serializer: the live event serializer's {@link ObjectMapper} (a copy), with three savings per
 * event: a type's class looked up once (not through the class loader for every event: 15 % of the reading thread),
 * one {@link ObjectReader} per type instead of one per payload, and ISO-8601 instants in payloads parsed without a
 * {@code DateTimeFormatter} (any other form goes to Jackson's own deserializer).
 */
final class ReplaySerializer extends JacksonSerializer {
    /** How many distinct wallets a replay's serializer shares before it starts over. */
    static final int SHARED_WALLETS = 1_000_000;

    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    private final SharedWallets wallets;

    private ReplaySerializer(Builder builder, SharedWallets wallets) {
        super(builder);
        this.wallets = wallets;
    }

    static ReplaySerializer basedOn(ObjectMapper live) {
        SharedWallets wallets = new SharedWallets(SHARED_WALLETS);
        ObjectMapper mapper = live.copy().registerModule(new SimpleModule("replay-values")
                .addDeserializer(Instant.class, new FastInstants())
                .addDeserializer(Wallet.class, wallets));
        return new ReplaySerializer(JacksonSerializer.builder().objectMapper(mapper)
                .classLoader(ReplaySerializer.class.getClassLoader()), wallets);
    }

    /** Drops the wallets shared so far (a replay is over; a server keeps its serializer for the next one). */
    void forgetSharedValues() {
        wallets.forget();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return classes.computeIfAbsent(resolveClassName(type), name -> super.classForType(type));
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }

    /**
     * Every event of a wallet gets the same {@link Wallet} (checked once), so its base58 string is one object: the
     * read models' maps keyed by it then compare keys by identity instead of reading both strings (a replay's read
     * models look a wallet up about five times per event, in maps of every player).
     */
    static final class SharedWallets extends StdScalarDeserializer<Wallet> {
        private final Map<String, Wallet> wallets = new ConcurrentHashMap<>();
        private final int capacity;

        SharedWallets(int capacity) {
            super(Wallet.class);
            this.capacity = capacity;
        }

        @Override
        public Wallet deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Wallet) context.handleUnexpectedToken(Wallet.class, parser);
            }
            String base58 = parser.getText();
            Wallet wallet = wallets.get(base58);
            if (wallet == null) {
                try {
                    wallet = Wallet.of(base58);
                } catch (Wallet.InvalidWalletException e) {
                    throw context.weirdStringException(base58, Wallet.class, e.getMessage());
                }
                if (wallets.size() >= capacity) {
                    wallets.clear();
                }
                wallets.put(base58, wallet);
            }
            return wallet;
        }

        void forget() {
            wallets.clear();
        }
    }

    static final class FastInstants extends StdScalarDeserializer<Instant> {
        FastInstants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = IsoInstants.parseOrNull(parser.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
