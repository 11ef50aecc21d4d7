package com.solanamafia.api.chain;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Base58Test {

    /** The textbook definition: a base-58 number, one zero byte per leading '1'. */
    private static byte[] reference(String text) {
        BigInteger n = BigInteger.ZERO;
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        for (char c : text.toCharArray()) {
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(
                    "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".indexOf(c)));
        }
        byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
        if (magnitude.length > 0 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] out = new byte[zeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
        return out;
    }

    @Test
    void decodesLikeTheDefinitionAndRoundTrips() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(70)];
            random.nextBytes(bytes);
            for (int z = random.nextInt(4); z > 0 && z <= bytes.length; z--) {
                bytes[z - 1] = 0;
            }
            String text = Base58.encode(bytes);
            assertThat(Base58.decode(text)).as(text).isEqualTo(bytes).isEqualTo(reference(text));
        }
    }

    @Test
    void knownKeysAndEdges() {
        assertThat(Base58.decode("")).isEmpty();
        assertThat(Base58.decode("1")).containsExactly(0);
        assertThat(Base58.decode("11")).containsExactly(0, 0);
        assertThat(Base58.decode("z")).containsExactly(57);
        assertThat(Base58.decode("11111111111111111111111111111111")).hasSize(32).containsOnly(0);
        assertThat(Base58.decode("3Ly6bEWRfKyVGwrRN27gHhBogo1K4HbZyk69KHW9AUx7")).hasSize(32)
                .isEqualTo(reference("3Ly6bEWRfKyVGwrRN27gHhBogo1K4HbZyk69KHW9AUx7"));
    }

    @Test
    void rejectsCharactersOutsideTheAlphabetAnywhere() {
        for (String bad : new String[]{"0abc", "abcO", "abIc", "1l", "1ä", "l11", "11 "}) {
            assertThatThrownBy(() -> Base58.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid base58 character");
        }
    }
}
