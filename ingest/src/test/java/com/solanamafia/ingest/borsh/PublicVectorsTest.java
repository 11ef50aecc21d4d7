package com.solanamafia.ingest.borsh;

import com.fasterxml.jackson.databind.JsonNode;
import com.solanamafia.ingest.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PublicVectorsTest {
    private static final EventCodec CODEC = EventCodec.of(TestData.idlFull());
    private static final List<JsonNode> VECTORS = TestData.jsonLines("public-vectors.jsonl");

    static Stream<Arguments> vectors() {
        return IntStream.range(0, VECTORS.size())
                .mapToObj(i -> Arguments.of(i, VECTORS.get(i).get("event").asText()));
    }

    @Test
    void thereAre85VectorsFiveForEachOf17Events() {
        assertThat(VECTORS).hasSize(85);
        assertThat(VECTORS.stream().map(v -> v.get("event").asText()).distinct()).hasSize(17);
        assertThat(CODEC.eventNames()).hasSize(17);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("vectors")
    void decodesExactlyAsExpected(int index, String event) {
        JsonNode vector = VECTORS.get(index);
        String log = vector.get("log").asText();
        assertThat(log).startsWith(EventCodec.PROGRAM_DATA_PREFIX);

        Optional<DecodedPayload> decoded = CODEC.decodeBase64(log.substring(EventCodec.PROGRAM_DATA_PREFIX.length()));

        assertThat(decoded).isPresent();
        assertThat(decoded.get().name()).isEqualTo(event);
        // Same text means same keys, same order, same values and same JSON types.
        assertThat(TestData.canonical(decoded.get().fields())).isEqualTo(TestData.canonical(vector.get("fields")));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("vectors")
    void encodingTheExpectedFieldsGivesTheLoggedBytes(int index, String event) {
        JsonNode vector = VECTORS.get(index);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = TestData.MAPPER.convertValue(vector.get("fields"), LinkedHashMap.class);

        String line = CODEC.encodeLogLine(event, fields);

        assertThat(line).isEqualTo(vector.get("log").asText());
    }
}
