package io.wudoctor.internal.render;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a fix script saves before a catalog command changes something, as calls of the
 * PowerShell functions {@link Ps1ScriptRenderer} defines: a registry key before it is deleted
 * or overwritten by an import, files before they are deleted or overwritten, a service's
 * security descriptor before sdset, a folder's ACL before takeown or icacls, and an earlier
 * rename target moved aside (ren refuses an existing name). Commands that change nothing
 * lasting (net stop, DISM, sfc) need none.
 */
final class ScriptBackups {

    private static final String ARG = "(\"[^\"]*\"|\\S+)";
    private static final Pattern REG_DELETE = Pattern.compile("(?i)^reg(?:\\.exe)?\\s+delete\\s+" + ARG);
    private static final Pattern REG_IMPORT = Pattern.compile("(?i)^reg(?:\\.exe)?\\s+import\\s+" + ARG);
    private static final Pattern DEL = Pattern.compile("(?i)^(?:del|erase)\\s+(?:/[a-z]\\s+)*" + ARG);
    private static final Pattern COPY = Pattern.compile("(?i)^(?:copy|xcopy)\\s+(?:/[a-z]\\s+)*" + ARG + "\\s+" + ARG);
    private static final Pattern REN = Pattern.compile("(?i)^(?:ren|rename)\\s+" + ARG + "\\s+" + ARG);
    private static final Pattern SDSET = Pattern.compile("(?i)^sc(?:\\.exe)?\\s+sdset\\s+" + ARG);
    private static final Pattern ACL = Pattern.compile("(?i)^(?:takeown\\s+/f|icacls)\\s+" + ARG);

    private ScriptBackups() {
    }

    /** The PowerShell lines to run before {@code command}; empty when it needs no backup. */
    static List<String> before(String command) {
        String c = command.strip();
        Matcher m;
        if ((m = REG_DELETE.matcher(c)).find()) {
            return List.of("Backup-RegistryKey " + Ps1ScriptRenderer.literal(unquote(m.group(1))));
        }
        if ((m = REG_IMPORT.matcher(c)).find()) {
            return List.of("Backup-RegistryFileKeys " + Ps1ScriptRenderer.literal(unquote(m.group(1))));
        }
        if ((m = DEL.matcher(c)).find()) {
            return List.of("Backup-Files " + Ps1ScriptRenderer.literal(unquote(m.group(1))));
        }
        if ((m = COPY.matcher(c)).find()) {
            return List.of("Backup-Files " + Ps1ScriptRenderer.literal(unquote(m.group(2))));
        }
        if ((m = REN.matcher(c)).find()) {
            return List.of("Move-AsideRenameTarget " + Ps1ScriptRenderer.literal(unquote(m.group(1))) + " "
                    + Ps1ScriptRenderer.literal(unquote(m.group(2))));
        }
        if ((m = SDSET.matcher(c)).find()) {
            return List.of("Backup-ServiceSecurity " + Ps1ScriptRenderer.literal(unquote(m.group(1))));
        }
        if ((m = ACL.matcher(c)).find() && !c.toLowerCase(Locale.ROOT).contains("/setowner")) {
            return List.of("Backup-Acl " + Ps1ScriptRenderer.literal(unquote(m.group(1))));
        }
        return List.of();
    }

    private static String unquote(String arg) {
        return arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"") ? arg.substring(1, arg.length() - 1) : arg;
    }
}
