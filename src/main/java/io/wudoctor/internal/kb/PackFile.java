package io.wudoctor.internal.kb;

/** A file of a rule pack: the name shown in messages (a path, or builtin:NAME) and its text. */
public record PackFile(String name, String content) {

    public boolean hasSuffix(String suffix) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(suffix);
    }
}
