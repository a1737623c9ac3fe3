package io.wudoctor.facts;

/**
 * Windows edition, marketing version (22H2) and build (19045.3803); {@code seenIn} says where
 * the evidence showed it (a log line, a registry value) when it was read from evidence.
 */
public record OsInfo(String edition, String version, String build, String seenIn) implements Fact {

    /** The first build of Windows 8 / Server 2012, the first with DISM /Cleanup-Image /RestoreHealth. */
    public static final int WINDOWS_8 = 9200;

    /** An OS as a person or a live collector states it. */
    public OsInfo(String edition, String version, String build) {
        this(edition, version, build, null);
    }

    /** True when the build is known. */
    public boolean buildKnown() {
        return majorBuild() > 0;
    }

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
    public String kind() {
        return "os-info";
    }

    @Override
    public String describe() {
        return "OS " + (edition == null ? "Windows" : edition) + (version == null ? "" : " " + version)
                + (build == null ? "" : " build " + build) + (seenIn == null ? "" : " (" + seenIn + ")");
    }
}
