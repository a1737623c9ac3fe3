package io.wudoctor.internal.render;

import java.util.Map;

/**
 * ASCII stand-ins for the typographic characters the rule catalogs and documents use (curly
 * quotes, dashes, the section sign...), for text that must read right where those characters do
 * not exist: a Windows console's OEM code page, a batch script cmd.exe reads in that code page.
 */
public final class AsciiText {

    private static final Map<Integer, String> STAND_INS = Map.ofEntries(
            Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201A, "'"), Map.entry(0x2032, "'"),
            Map.entry(0x201C, "\""), Map.entry(0x201D, "\""), Map.entry(0x201E, "\""), Map.entry(0x2033, "\""),
            Map.entry(0x00AB, "<<"), Map.entry(0x00BB, ">>"),
            Map.entry(0x2013, "-"), Map.entry(0x2014, "--"), Map.entry(0x2212, "-"), Map.entry(0x2010, "-"),
            Map.entry(0x2011, "-"),
            Map.entry(0x2026, "..."), Map.entry(0x00A7, "Sec."), Map.entry(0x00B6, "Par."),
            Map.entry(0x2022, "*"), Map.entry(0x00B7, "."),
            Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"), Map.entry(0x21D2, "=>"),
            Map.entry(0x2264, "<="), Map.entry(0x2265, ">="), Map.entry(0x2260, "!="), Map.entry(0x00D7, "x"),
            Map.entry(0x00A0, " "), Map.entry(0x202F, " "), Map.entry(0x2009, " "),
            Map.entry(0x00A9, "(c)"), Map.entry(0x00AE, "(R)"), Map.entry(0x2122, "(TM)"), Map.entry(0x00B0, " deg"),
            Map.entry(0x2713, "v"), Map.entry(0x2717, "x"), Map.entry(0xFEFF, ""));

    private AsciiText() {
    }

    /** The stand-in for a code point, or null when it has none (the caller writes '?'). */
    public static String standIn(int codePoint) {
        return STAND_INS.get(codePoint);
    }

    /** {@code text} in ASCII: stand-ins where known, letters without their accents, '?' for the rest. */
    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x80) {
                out.appendCodePoint(c);
                return;
            }
            String standIn = standIn(c);
            if (standIn != null) {
                out.append(standIn);
                return;
            }
            String bare = java.text.Normalizer.normalize(new String(Character.toChars(c)), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            out.append(bare.chars().allMatch(ch -> ch < 0x80) && !bare.isEmpty() ? bare : "?");
        });
        return out.toString();
    }
}
