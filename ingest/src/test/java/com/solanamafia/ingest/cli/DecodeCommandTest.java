package com.solanamafia.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.solanamafia.ingest.TestData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeCommandTest {

    private record Run(int exitCode, List<String> lines) {
    }

    private static Run run(String input, Path idl, String programId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = new DecodeCommand().run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, idl, programId);
        String text = bytes.toString(StandardCharsets.UTF_8);
        return new Run(code, text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1));
    }

    @Test
    void everyVectorLineComesOutAsExpected() {
        List<String> input = TestData.lines("public-vectors.jsonl").stream().filter(l -> !l.isBlank()).toList();
        String feed = String.join("\n", input.stream().map(l -> {
            ObjectNode n = TestData.MAPPER.createObjectNode();
            n.put("log", TestData.json(l).get("log").asText());
            return n.toString();
        }).toList()) + "\n";

        Run run = run(feed, TestData.idlFullPath(), null);

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(85);
        for (int i = 0; i < input.size(); i++) {
            JsonNode vector = TestData.json(input.get(i));
            String expected = "{\"events\":[{\"event\":\"" + vector.get("event").asText() + "\",\"fields\":"
                    + TestData.canonical(vector.get("fields")) + "}]}";
            assertThat(run.lines().get(i)).isEqualTo(expected);
        }
    }

    @Test
    void vectorLinesFedWholeAlsoWork() {
        String first = TestData.lines("public-vectors.jsonl").get(0);
        Run run = run(first + "\n", TestData.idlFullPath(), null);
        assertThat(TestData.json(run.lines().get(0)).get("events").get(0).get("fields"))
                .isEqualTo(TestData.json(first).get("fields"));
    }

    @Test
    void everyTransactionLineComesOutAsExpected() {
        List<String> input = TestData.lines("public-transactions.jsonl").stream().filter(l -> !l.isBlank()).toList();

        Run run = run(String.join("\n", input), TestData.idlFullPath(), null);

        assertThat(run.lines()).hasSize(10);
        for (int i = 0; i < input.size(); i++) {
            JsonNode tx = TestData.json(input.get(i));
            JsonNode out = TestData.json(run.lines().get(i));
            assertThat(TestData.canonical(out.get("events"))).isEqualTo(TestData.canonical(tx.get("expected")));
            assertThat(out.get("truncated").asBoolean()).isEqualTo(i == 6 || i == 7);
            assertThat(out.has("failedTransaction")).isEqualTo(!tx.get("err").isNull());
            assertThat(out.has("unknown")).isEqualTo(i == 8);
            assertThat(out.has("failures")).isFalse();
        }
        assertThat(run.lines().get(0)).startsWith("{\"events\":[{\"event\":\"PlayerCreated\",\"fields\":{\"wallet\":");
    }

    @Test
    void programIdOptionOverridesTheLinesProgramId() {
        String tx = TestData.lines("public-transactions.jsonl").get(0);
        Run run = run(tx + "\n", TestData.idlFullPath(), "BS9dUxtBWJqvBRMyUujSm7ST2SASKrzUo25gG77DicnG");
        assertThat(run.lines()).containsExactly("{\"events\":[],\"truncated\":false}");
    }

    @Test
    void malformedLinesGiveOneErrorLineEachAndDecodingContinues() {
        String good = TestData.lines("public-vectors.jsonl").get(0);
        String input = String.join("\n",
                "",
                "{not json",
                "[1,2]",
                "{\"foo\":1}",
                "{\"log\":\"Program data: %%%\"}",
                "{\"log\":\"Program data: AAAA\"}",
                "{\"log\":\"Program data: P+l0akQQVgJAPmAN\"}",
                "{\"log\":\"Program data: AAAAAAAAAAA=\"}",
                "{\"log\":\"Program log: hello\"}",
                "{\"logMessages\":\"nope\"}",
                good) + "\n";

        Run run = run(input, TestData.idlFullPath(), null);

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(11);
        assertThat(run.lines().get(0)).isEqualTo("{\"error\":\"empty line\"}");
        assertThat(run.lines().get(1)).startsWith("{\"error\":\"invalid JSON");
        assertThat(run.lines().get(2)).isEqualTo("{\"error\":\"expected a JSON object\"}");
        assertThat(run.lines().get(3)).contains("\"log\\\" or \\\"logMessages\\\"");
        assertThat(run.lines().get(4)).startsWith("{\"error\":\"invalid base64");
        assertThat(run.lines().get(5)).contains("shorter than the 8-byte discriminator");
        assertThat(run.lines().get(6)).contains("BusinessCreated.player: need 32 bytes");
        assertThat(run.lines().get(7)).isEqualTo("{\"events\":[],\"unknown\":[{\"discriminator\":\"0000000000000000\",\"data\":\"AAAAAAAAAAA=\"}]}");
        assertThat(run.lines().get(8)).isEqualTo("{\"events\":[]}");
        assertThat(run.lines().get(9)).contains("must be an array");
        assertThat(run.lines().get(10)).startsWith("{\"events\":[{\"event\":\"BusinessCreated\"");
    }

    @Test
    void unreadableIdlAndUnreadableStdin() {
        Run bad = run("", Path.of("does-not-exist.json"), null);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.lines()).singleElement().satisfies(l -> assertThat(l).startsWith("{\"error\":\"cannot load IDL"));

        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("boom");
            }
        };
        int code = new DecodeCommand().run(broken, new PrintStream(new ByteArrayOutputStream()), TestData.idlFullPath(), null);
        assertThat(code).isEqualTo(1);
    }
}
