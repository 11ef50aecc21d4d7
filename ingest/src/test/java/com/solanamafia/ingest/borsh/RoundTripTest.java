package com.solanamafia.ingest.borsh;

import com.solanamafia.ingest.RandomValues;
import com.solanamafia.ingest.TestData;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlEvent;
import com.solanamafia.ingest.idl.IdlInstruction;
import com.solanamafia.ingest.idl.IdlType;
import com.solanamafia.ingest.idl.IdlTypeDef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {

    private static Idl idl(String which) {
        return which.equals("full") ? TestData.idlFull() : TestData.idlCurrent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "current"})
    void everyEventRoundTrips(String which) {
        Idl idl = idl(which);
        EventCodec codec = EventCodec.of(idl);
        RandomValues random = new RandomValues(idl, 42);
        for (IdlEvent event : idl.events()) {
            IdlTypeDef.Struct struct = (IdlTypeDef.Struct) idl.type(event.name()).orElseThrow().body();
            for (int i = 0; i < 50; i++) {
                LinkedHashMap<String, Object> fields = random.fields(struct.fields().fields());

                byte[] payload = codec.encode(event.name(), fields);
                DecodedPayload decoded = codec.decode(payload).orElseThrow();

                assertThat(decoded.name()).isEqualTo(event.name());
                assertThat(TestData.canonical(decoded.fields())).as(event.name()).isEqualTo(TestData.canonical(fields));
                assertThat(codec.decodeBase64(StrictBase64.encode(payload))).contains(decoded);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "current"})
    void everyInstructionRoundTrips(String which) {
        Idl idl = idl(which);
        EventCodec codec = EventCodec.of(idl);
        RandomValues random = new RandomValues(idl, 7);
        for (IdlInstruction ix : idl.instructions()) {
            LinkedHashMap<String, Object> args = random.fields(ix.args());

            byte[] data = codec.encodeInstruction(ix.name(), args);
            DecodedPayload decoded = codec.decodeInstruction(data).orElseThrow();

            assertThat(data).startsWith(ix.discriminator().bytes());
            assertThat(decoded.name()).isEqualTo(ix.name());
            assertThat(TestData.canonical(decoded.fields())).isEqualTo(TestData.canonical(args));
        }
    }

    /** Covers the types no event uses: vec of structs, options of structs, arrays, enums inside structs. */
    @ParameterizedTest
    @ValueSource(strings = {"full", "current"})
    void everyDefinedTypeRoundTrips(String which) {
        Idl idl = idl(which);
        TypeCodec types = EventCodec.of(idl).types();
        RandomValues random = new RandomValues(idl, 3);
        for (IdlTypeDef def : idl.types()) {
            for (int i = 0; i < 20; i++) {
                Object value = random.value(new IdlType.Defined(def.name()));
                Object decoded = types.decodeDefined(def.name(), types.encodeDefined(def.name(), value));
                assertThat(TestData.canonical(decoded)).as(def.name()).isEqualTo(TestData.canonical(value));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "current"})
    void everyAccountRoundTripsAndToleratesTrailingSpace(String which) {
        Idl idl = idl(which);
        EventCodec codec = EventCodec.of(idl);
        RandomValues random = new RandomValues(idl, 5);
        for (var account : idl.accounts()) {
            Object value = random.value(new IdlType.Defined(account.name()));
            @SuppressWarnings("unchecked")
            byte[] data = codec.accounts().encodeAccount(account.name(), (java.util.Map<String, ?>) value);
            byte[] padded = java.util.Arrays.copyOf(data, data.length + 100);
            DecodedPayload decoded = codec.accounts().decodeAccount(padded).orElseThrow();
            assertThat(TestData.canonical(decoded.fields())).isEqualTo(TestData.canonical(value));
        }
    }
}
