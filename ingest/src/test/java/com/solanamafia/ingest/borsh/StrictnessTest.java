package com.solanamafia.ingest.borsh;

import com.solanamafia.api.chain.Base58;
import com.solanamafia.ingest.TestData;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictnessTest {
    private static final EventCodec CODEC = EventCodec.of(TestData.idlFull());

    private static Map<String, Object> claimed() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("player", "EMx2unmBQD2TVBWK4WkFoJrU9NdSqgAPc3mWymzJnJvU");
        f.put("amount", "12853537297048254894");
        f.put("claimed_at", "-1");
        return f;
    }

    private static Map<String, Object> deactivated(String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("player", "EMx2unmBQD2TVBWK4WkFoJrU9NdSqgAPc3mWymzJnJvU");
        f.put("business_mint", "11111111111111111111111111111111");
        f.put("reason", reason);
        f.put("deactivated_at", "5");
        return f;
    }

    @Test
    void shortPayloadIsAnErrorNamingTheField() {
        byte[] payload = CODEC.encode("EarningsClaimed", claimed());
        assertThatThrownBy(() -> CODEC.decode(Arrays.copyOf(payload, payload.length - 1)))
                .isInstanceOf(DecodeException.class)
                .hasMessage("EarningsClaimed.claimed_at: need 8 bytes for 64-bit integer at offset 48, only 7 left");
        assertThatThrownBy(() -> CODEC.decode(new byte[5])).isInstanceOf(DecodeException.class)
                .hasMessageContaining("shorter than the 8-byte discriminator");
    }

    @Test
    void trailingBytesAreAnError() {
        byte[] payload = CODEC.encode("EarningsClaimed", claimed());
        assertThatThrownBy(() -> CODEC.decode(Arrays.copyOf(payload, payload.length + 1)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("1 trailing bytes");
    }

    @Test
    void badBase64IsAnError() {
        String good = StrictBase64.encode(CODEC.encode("EarningsClaimed", claimed()));
        assertThatThrownBy(() -> CODEC.decodeBase64("not*base64!")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> CODEC.decodeBase64(good.substring(1))).isInstanceOf(DecodeException.class)
                .hasMessageContaining("multiple of 4");
        assertThatThrownBy(() -> CODEC.decodeBase64(good + " ")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> StrictBase64.decode("AB==")).hasMessageContaining("padding bits");
        assertThat(StrictBase64.decode("AA==")).containsExactly(0);
    }

    @Test
    void invalidUtf8IsAnError() {
        byte[] payload = CODEC.encode("BusinessDeactivated", deactivated("ab"));
        int at = 8 + 32 + 32 + 4;
        payload[at] = (byte) 0xC3; // a lead byte followed by 'b': malformed
        assertThatThrownBy(() -> CODEC.decode(payload)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("BusinessDeactivated.reason").hasMessageContaining("not valid UTF-8");
        byte[] utf8 = CODEC.encode("BusinessDeactivated", deactivated("Привет 🎲"));
        assertThat(CODEC.decode(utf8).orElseThrow().fields()).containsEntry("reason", "Привет 🎲");
    }

    @Test
    void stringLengthBeyondThePayloadIsAnError() {
        byte[] payload = CODEC.encode("BusinessDeactivated", deactivated("ab"));
        payload[8 + 64] = 100;
        assertThatThrownBy(() -> CODEC.decode(payload)).hasMessageContaining("string length 100");
    }

    @Test
    void unknownEnumVariantIsAnError() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("player", "11111111111111111111111111111111");
        f.put("slot_type", "VIP");
        f.put("slot_index", "1");
        f.put("cost", "2");
        f.put("purchased_at", "3");
        byte[] payload = CODEC.encode("PremiumSlotPurchased", f);
        assertThat(payload[40]).isEqualTo((byte) 2);
        payload[40] = 4;
        assertThatThrownBy(() -> CODEC.decode(payload)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("PremiumSlotPurchased.slot_type: unknown variant index 4 of enum SlotType");
    }

    @Test
    void boolAndOptionTagsMustBeZeroOrOne() {
        Idl idl = IdlLoader.parse("""
                {"address":"x","instructions":[],"events":[{"name":"E","discriminator":[1,1,1,1,1,1,1,1]}],
                 "types":[{"name":"E","type":{"kind":"struct","fields":[
                   {"name":"flag","type":"bool"},{"name":"maybe","type":{"option":"u8"}}]}}]}""");
        EventCodec codec = EventCodec.of(idl);
        byte[] ok = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 7};
        assertThat(codec.decode(ok).orElseThrow().fields()).containsEntry("flag", true).containsEntry("maybe", "7");
        byte[] badBool = ok.clone();
        badBool[8] = 2;
        assertThatThrownBy(() -> codec.decode(badBool)).hasMessageContaining("E.flag: bool byte must be 0 or 1, got 2");
        byte[] badTag = ok.clone();
        badTag[9] = 3;
        assertThatThrownBy(() -> codec.decode(badTag)).hasMessageContaining("E.maybe: option tag must be 0 or 1, got 3");
        byte[] none = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0};
        assertThat(codec.decode(none).orElseThrow().fields()).containsEntry("maybe", null);
    }

    @Test
    void unknownDiscriminatorIsNotAnError() {
        byte[] payload = CODEC.encode("EarningsClaimed", claimed());
        payload[0] ^= 0x55;
        assertThat(CODEC.decode(payload)).isEmpty();
        assertThat(CODEC.isEvent(payload)).isFalse();
    }

    @Test
    void encodingIsStrictToo() {
        Map<String, Object> f = claimed();
        f.put("amount", "18446744073709551616");
        assertThatThrownBy(() -> CODEC.encode("EarningsClaimed", f)).isInstanceOf(EncodeException.class)
                .hasMessageContaining("EarningsClaimed.amount").hasMessageContaining("out of range for u64");
        f.put("amount", "007");
        assertThatThrownBy(() -> CODEC.encode("EarningsClaimed", f)).hasMessageContaining("decimal integer");
        f.put("amount", 7L);
        assertThat(CODEC.encode("EarningsClaimed", f)).hasSize(56);
        f.put("extra", "1");
        assertThatThrownBy(() -> CODEC.encode("EarningsClaimed", f)).hasMessageContaining("no field extra");
        f.remove("extra");
        f.remove("player");
        assertThatThrownBy(() -> CODEC.encode("EarningsClaimed", f)).hasMessageContaining("missing field player");
        assertThatThrownBy(() -> CODEC.encode("Nope", f)).hasMessageContaining("no event named Nope");
    }

    @Test
    void fastBase58MatchesTheReferenceEncoder() {
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[i % 3 == 0 ? 32 : random.nextInt(40)];
            random.nextBytes(b);
            for (int z = 0; z < i % 5 && z < b.length; z++) {
                b[z] = 0;
            }
            assertThat(FastBase58.encode(b)).isEqualTo(Base58.encode(b));
        }
        assertThat(FastBase58.encode(new byte[32])).isEqualTo("11111111111111111111111111111111");
    }

    @Test
    void readerReportsUnderflowWithOffsets() {
        BorshReader r = new BorshReader("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(r.u16()).isEqualTo(0x6261);
        assertThatThrownBy(r::u32).isInstanceOf(DecodeException.class).hasMessage("need 4 bytes for u32 at offset 2, only 1 left");
        BorshWriter w = new BorshWriter().u8(1).u16(2).u32(3).i64(-4).string("é");
        BorshReader back = new BorshReader(w.toByteArray());
        assertThat(back.u8()).isEqualTo(1);
        assertThat(back.u16()).isEqualTo(2);
        assertThat(back.u32()).isEqualTo(3);
        assertThat(back.i64()).isEqualTo(-4);
        assertThat(back.string()).isEqualTo("é");
        back.expectEnd();
    }
}
