package io.wudoctor.internal.gather.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextEncodingTest {

    private static TextEncoding detect(byte[] b) {
        return TextEncoding.detect(b, b.length);
    }

    @Test
    void byteOrderMarks() {
        assertThat(detect(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}).describe()).isEqualTo("UTF-8 with BOM");
        assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}).describe()).isEqualTo("UTF-16LE with BOM");
        assertThat(detect(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a'}).describe()).isEqualTo("UTF-16BE with BOM");
    }

    @Test
    void utf16WithoutBomByItsNulBytes() {
        assertThat(detect("2016-09-28 Info CBS".getBytes(StandardCharsets.UTF_16LE)).describe()).isEqualTo("UTF-16LE");
        assertThat(detect("2016-09-28 Info CBS".getBytes(StandardCharsets.UTF_16BE)).describe()).isEqualTo("UTF-16BE");
    }

    @Test
    void plainTextAndNulBlocksAreUtf8() {
        assertThat(detect("2016-09-28 Info CBS".getBytes(StandardCharsets.UTF_8))).isEqualTo(TextEncoding.UTF_8);
        assertThat(detect(new byte[4096])).isEqualTo(TextEncoding.UTF_8);
        assertThat(detect(new byte[0])).isEqualTo(TextEncoding.UTF_8);
    }
}
