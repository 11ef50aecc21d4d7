package com.solanamafia.command.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every domain event survives Axon's Jackson serializer unchanged, and amounts are JSON strings. */
class EventSerializationTest {
    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();

    @Test
    void everyEventRoundTrips() {
        for (Object event : Samples.oneOfEveryEvent()) {
            SerializedObject<String> json = serializer.serialize(event, String.class);
            assertThat((Object) serializer.deserialize(json)).as(json.getData()).isEqualTo(event);
        }
    }

    @Test
    void derivedViewsAreNotSerialized() {
        String json = serializer.serialize(Samples.oneOfEveryEvent().get(1), String.class).getData();
        assertThat(json).doesNotContain("businessType\"").contains("\"baseCost\":\"100000000\"")
                .contains("\"createdAt\":1770000001");
    }
}
