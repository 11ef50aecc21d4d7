package com.solanamafia.app.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replay's own instant parsing gives what Axon's and Jackson's formatters give, for every text. */
class IsoInstantsTest {
    private static final List<String> ODD = List.of("2026-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999Z",
            "1970-01-01T00:00:00.1Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.5Z",
            "2026-11-26T09:44:13.310984261Z", "2026-01-01T24:00:00Z", "2016-12-31T23:59:60Z",
            "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00.Z",
            " 2026-01-01T00:00:00Z", "2026-01-01 00:00:00Z", "+12026-01-01T00:00:00Z", "2026-01-01T00:00Z");

    @Test
    void parsesAsAxonDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    i % 4 == 0 ? 0 : random.nextInt(1_000_000_000) / (int) Math.pow(10, random.nextInt(9)));
            String text = DateTimeUtils.formatInstant(instant);   // milliseconds
            assertThat(IsoInstants.parseOrNull(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
            assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
        }
        for (String text : ODD) {
            Instant expected;
            try {
                expected = DateTimeUtils.parseInstant(text);
            } catch (RuntimeException e) {
                assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(e.getClass());
                continue;
            }
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
        }
        assertThat(IsoInstants.parseOrNull("2026-02-30T00:00:00Z")).isNull();
        assertThat(IsoInstants.parseOrNull("2026-01-01T00:00:00.1234567890Z")).isNull();
    }

    record Payload(Instant at, List<Instant> more) {
    }

    @Test
    void deserializesPayloadsAsTheLiveSerializerDoes() throws Exception {
        ObjectMapper live = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ReplaySerializer replay = ReplaySerializer.basedOn(live);
        org.axonframework.serialization.json.JacksonSerializer plain =
                org.axonframework.serialization.json.JacksonSerializer.builder().objectMapper(live.copy()).build();
        for (String json : List.of("{\"at\":\"2026-01-01T00:00:00Z\",\"more\":[\"2024-02-29T23:59:59.5Z\"]}",
                "{\"at\":1767225600.5,\"more\":[1767225600]}", "{\"at\":\"2026-01-01T00:00:00+01:00\",\"more\":[]}",
                "{\"at\":null,\"more\":[\"2016-12-31T23:59:60Z\"]}")) {
            SerializedObject<byte[]> data = new org.axonframework.serialization.SimpleSerializedObject<>(
                    json.getBytes(), byte[].class, Payload.class.getName(), null);
            Payload expected = plain.deserialize(data);
            assertThat((Payload) replay.deserialize(data)).as(json).isEqualTo(expected);
        }
    }
}
