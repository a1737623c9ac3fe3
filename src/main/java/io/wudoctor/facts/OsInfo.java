package io.wudoctor.facts;

/** Windows edition, marketing version (22H2) and build (19045.3803). */
public record OsInfo(String edition, String version, String build) implements Fact {

    /** True for Windows Server editions: the Microsoft article's symptoms come from servers. */
    public boolean isServer() {
        return edition != null && edition.toLowerCase(java.util.Locale.ROOT).contains("server");
    }

    /** True for Windows 11 (build 22000 and later), whose Settings paths differ from Windows 10. */
    public boolean isWindows11() {
        return majorBuild() >= 22000 && !isServer();
    }

    public int majorBuild() {
        if (build == null) {
            return 0;
        }
        String head = build.split("\\.")[0].trim();
        return head.matches("\\d{1,6}") ? Integer.parseInt(head) : 0;
    }

    @Override
    public String describe() {
        return "OS " + (edition == null ? "Windows" : edition) + (version == null ? "" : " " + version)
                + (build == null ? "" : " build " + build);
    }
}
