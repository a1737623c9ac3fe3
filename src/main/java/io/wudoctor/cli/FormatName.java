package io.wudoctor.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** A --format value checked against a command's formats, in any case ({@code JSON} is {@code json}). */
final class FormatName {

    private FormatName() {
    }

    static String of(CommandLine cmd, String given, String... formats) {
        String name = given.toLowerCase(Locale.ROOT);
        if (!List.of(formats).contains(name)) {
            throw new CommandLine.ParameterException(cmd, "unknown format '" + given + "' (expected "
                    + String.join(" or ", formats) + ")");
        }
        return name;
    }
}
