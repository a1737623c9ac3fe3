package io.wudoctor.cli;

import io.wudoctor.internal.render.Wrap;

/**
 * Error messages for stderr: on a terminal each line is wrapped at spaces to 80 columns, the
 * continuation indented; redirected, each message stays one line per problem, for grep and logs.
 */
final class Messages {

    private Messages() {
    }

    static String forStderr(String message) {
        return System.console() != null ? wrapped(message) : message + System.lineSeparator();
    }

    static String wrapped(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\\R", -1)) {
            String lead = line.substring(0, line.length() - line.stripLeading().length());
            out.append(line.isBlank() ? "\n" : Wrap.wrap(line, lead, lead + "    ", Wrap.WIDTH));
        }
        return out.toString().replace("\n", System.lineSeparator());
    }
}
