package com.solanamafia.app.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.player.PlayerJoined;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplaySerializerTest {
    private static final Wallet ALICE = Wallet.ofBytes(new byte[32]);
    private final ObjectMapper live = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ReplaySerializer serializer = ReplaySerializer.basedOn(live);

    @Test
    void eventsOfOneWalletShareItsWalletAndReadAsTheLiveSerializerWroteThem() {
        PlayerJoined first = joined("a");
        PlayerJoined second = joined("b");
        PlayerJoined readFirst = roundTrip(first);
        PlayerJoined readSecond = roundTrip(second);
        assertThat(readFirst).isEqualTo(first);
        assertThat(readSecond).isEqualTo(second);
        assertThat(readSecond.wallet()).isSameAs(readFirst.wallet());
        assertThat(readSecond.wallet().base58()).isSameAs(readFirst.wallet().base58());
    }

    @Test
    void aFinishedReplayForgetsTheWalletsItShared() {
        PlayerJoined before = roundTrip(joined("a"));
        serializer.forgetSharedValues();
        PlayerJoined after = roundTrip(joined("b"));
        assertThat(after.wallet()).isEqualTo(before.wallet()).isNotSameAs(before.wallet());
    }

    @Test
    void aPayloadWithAnInvalidWalletFailsToRead() {
        SerializedObject<byte[]> serialized = serializer.serialize(joined("a"), byte[].class);
        String json = new String(serialized.getData()).replace(ALICE.base58(), "not-base58-0OIl");
        assertThatThrownBy(() -> serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                json.getBytes(), byte[].class, serialized.getType())))
                .isInstanceOf(SerializationException.class);
    }

    private PlayerJoined joined(String signature) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new PlayerJoined(ALICE, new ChainFact(new ChainPosition(signature + "x".repeat(40), "0", 0), 1L, at),
                Lamports.of(10), at, at.plusSeconds(60));
    }

    private PlayerJoined roundTrip(PlayerJoined event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
        return serializer.deserialize(serialized);
    }
}
