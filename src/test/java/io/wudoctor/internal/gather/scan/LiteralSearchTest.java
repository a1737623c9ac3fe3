package io.wudoctor.internal.gather.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiteralSearchTest {

    /** Every occurrence, overlapping ones included, in the order a naive search per position finds them. */
    private static List<String> naive(List<String> literals, String text) {
        List<String> found = new ArrayList<>();
        for (int p = 0; p < text.length(); p++) {
            for (int l = 0; l < literals.size(); l++) {
                if (text.startsWith(literals.get(l), p)) {
                    found.add(l + "@" + p);
                }
            }
        }
        return found;
    }

    private static List<String> fast(List<String> literals, String text) {
        List<String> found = new ArrayList<>();
        new LiteralSearch(literals).search(text, (l, p) -> found.add(l + "@" + p));
        return found;
    }

    @Test
    void findsWhatANaiveSearchFindsOnRandomText() {
        Random random = new Random(7);
        String alphabet = "abcab \u00e9\u4e2d\r\n";
        for (int round = 0; round < 300; round++) {
            List<String> literals = new ArrayList<>();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                literals.add(randomText(random, alphabet, 2 + random.nextInt(5)));
            }
            String text = randomText(random, alphabet, random.nextInt(400));
            assertThat(fast(literals, text)).as(literals + " in " + text).isEqualTo(naive(literals, text));
        }
    }

    /**
     * On the bytes a chunk was decoded from, when each gave one character: ASCII text with stray
     * undecodable bytes (U+FFFD in the text), as the scanner hands them over.
     */
    @Test
    void findsWhatANaiveSearchFindsOnTheBytesOfAChunk() {
        Random random = new Random(11);
        String alphabet = "abcab \r\n";
        int searched = 0;
        for (int round = 0; round < 300; round++) {
            List<String> literals = new ArrayList<>();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                literals.add(randomText(random, alphabet, 2 + random.nextInt(5)));
            }
            byte[] bytes = new byte[random.nextInt(400)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(10) == 0 ? (byte) (0x80 + random.nextInt(0x80)) : (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.length() != bytes.length) {
                continue; // a byte pair that decoded as one character: the scanner would not hand these bytes over
            }
            List<String> found = new ArrayList<>();
            LiteralSearch search = new LiteralSearch(literals);
            assertThat(search.asciiLiterals()).isTrue();
            search.search(text, bytes, (l, p) -> found.add(l + "@" + p));
            assertThat(found).as(literals + " in " + text).isEqualTo(naive(literals, text));
            searched++;
        }
        assertThat(searched).isGreaterThan(100);
    }

    /** The two halves of the text are searched at once: occurrences across, at and next to the middle are each found once, in order. */
    @Test
    void findsOccurrencesAroundTheMiddleOfTheText() {
        List<String> literals = List.of("Failed in StartService for [", "Operation result: ", "ab");
        for (int length = 0; length < 160; length++) {
            for (int at = 0; at < length; at++) {
                StringBuilder text = new StringBuilder("x".repeat(length));
                String lit = literals.get(at % literals.size());
                text.replace(at, Math.min(length, at + lit.length()), lit.substring(0, Math.min(lit.length(), length - at)));
                text.append(" ab");
                assertThat(fast(literals, text.toString())).as(text.toString()).isEqualTo(naive(literals, text.toString()));
            }
        }
    }

    @Test
    void literalsBeyondLatin1AreFoundThroughTheProjection() {
        List<String> literals = List.of("\u4e2d\u6587\u65e5\u5fd7", "caf\u00e9 ");
        String text = "x \u4e2d\u6587\u65e5\u5fd7 ??? \u4e2d?\u65e5\u5fd7 caf\u00e9 caf? \uFFFD";

        assertThat(new LiteralSearch(literals).asciiLiterals()).isFalse();
        assertThat(fast(literals, text)).isEqualTo(naive(literals, text)).hasSize(2);
    }

    /** A character beyond the BMP is two chars of the text: each is cut to a byte, so the occurrences after it keep their place. */
    @Test
    void findsLiteralsAfterCharactersBeyondTheBasicPlane() {
        List<String> literals = List.of("Failed in StartService for [", "ab");
        String text = "x \uD83D\uDE00 Failed in StartService for [1] \uD83D\uDE00\uD83D\uDE00 ab \uDBFF\uDFFF Failed in StartService for [2]";

        assertThat(fast(literals, text)).isEqualTo(naive(literals, text)).hasSize(3);
        assertThat(LiteralSearch.project(text)).hasSize(text.length());
    }

    @Test
    void findsTheSignatureLiteralsInALogLine() {
        List<String> literals = List.of("Doqe: Failed installing driver updates [HRESULT = 0x80070002", ", result 2, inf: ", "abc");
        String text = "2016-09-28 04:30:30, Info CBS INSTALL index: 55, phase: 2, result 2, inf: flpydisk.inf\r\n"
                + "2016-09-28 04:30:31, Info CBS Doqe: Failed installing driver updates [HRESULT = 0x80070002 - x]abc";

        assertThat(fast(literals, text)).isEqualTo(naive(literals, text)).hasSize(3);
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
