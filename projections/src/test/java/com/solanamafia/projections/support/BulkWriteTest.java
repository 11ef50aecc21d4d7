package com.solanamafia.projections.support;

import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkWriteTest {

    static String element(Object value) {
        StringBuilder array = new StringBuilder();
        BulkWrite.element(array, value);
        return array.toString();
    }

    @Test
    void arrayElementsQuoteTextAndEscapeOnlyQuotesAndBackslashes() {
        assertThat(element("HixZbz7r6VEZ4fWAe6qWgZtFKoAN7Hz1xTEfa51vsfDG"))
                .isEqualTo("\"HixZbz7r6VEZ4fWAe6qWgZtFKoAN7Hz1xTEfa51vsfDG\"");
        assertThat(element("a\"b\\c,d{}")).isEqualTo("\"a\\\"b\\\\c,d{}\"");
        assertThat(element(JSONB.valueOf("{\"k\":\"v\"}"))).isEqualTo("\"{\\\"k\\\":\\\"v\\\"}\"");
        assertThat(element(null)).isEqualTo("NULL");
        assertThat(element("")).isEqualTo("\"\"");
        assertThat(element(42L)).isEqualTo("42");
        assertThat(element(-7)).isEqualTo("-7");
        assertThat(element("\"\\\"x\\")).isEqualTo("\"\\\"\\\\\\\"x\\\\\"");
    }

    static String copyValue(Object value) {
        StringBuilder out = new StringBuilder();
        BulkWrite.copyValue(out, value);
        return out.toString();
    }

    @Test
    void copyValuesEscapeBackslashTabNewlineAndCarriageReturn() {
        assertThat(copyValue(null)).isEqualTo("\\N");
        assertThat(copyValue("plain \"quoted\" {a,b}")).isEqualTo("plain \"quoted\" {a,b}");
        assertThat(copyValue("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
        assertThat(copyValue(JSONB.valueOf("{\"k\":\"a\\\"b\"}"))).isEqualTo("{\"k\":\"a\\\\\"b\"}");
        assertThat(copyValue(42L)).isEqualTo("42");
        assertThat(copyValue(true)).isEqualTo("true");
        assertThat(copyValue(java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01T00:00:00Z");
    }
}
