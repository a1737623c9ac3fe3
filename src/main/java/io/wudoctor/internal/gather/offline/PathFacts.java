package io.wudoctor.internal.gather.offline;

import io.wudoctor.facts.LogMatch;
import io.wudoctor.facts.PathState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files and folders whose state the rules reason about, read from a whole system drive:
 * the update caches, the .NET v4 folder the NGEN services need, the Start-menu folder and the
 * WIMMount driver of the Microsoft article, and the WinSxS component folders and other paths
 * that log matches name in their captures.
 */
final class PathFacts {

    private static final String DOWNLOADER = "ProgramData/Microsoft/Network/Downloader";

    private static final List<String> CHECKED = List.of(
            "Windows/SoftwareDistribution",
            "Windows/System32/catroot2",
            DOWNLOADER,
            "Windows/Microsoft.NET/Framework/v4.0.30319",
            "Windows/Microsoft.NET/Framework64/v4.0.30319",
            "ProgramData/Microsoft/Windows/Start Menu/Programs/System Tools",
            "Windows/System32/drivers/wimmount.sys");

    /** The BITS queue files the component reset deletes; reported present or absent by name. */
    private static final List<String> QMGR_FILES = List.of("qmgr0.dat", "qmgr1.dat");

    private PathFacts() {
    }

    static List<PathState> derive(WindowsRoot root, List<LogMatch> matches) {
        Map<String, String> paths = new LinkedHashMap<>(); // lower-cased key -> root-relative path
        CHECKED.forEach(p -> add(paths, p));
        QMGR_FILES.forEach(f -> add(paths, DOWNLOADER + "/" + f));
        root.files(DOWNLOADER, "qmgr*.dat").forEach(f -> add(paths, DOWNLOADER + "/" + f.getFileName()));
        for (LogMatch m : matches) {
            String component = m.capture("component");
            if (isPlainName(component)) {
                add(paths, "Windows/WinSxS/" + component);
                if (isPlainName(m.capture("file"))) {
                    add(paths, "Windows/WinSxS/" + component + "/" + m.capture("file"));
                }
            }
            onDrive(root.drive(), m.capture("path")).ifPresent(p -> add(paths, p));
        }
        List<PathState> states = new ArrayList<>();
        paths.values().forEach(p -> states.add(state(root, p)));
        return states;
    }

    private static PathState state(WindowsRoot root, String relative) {
        Optional<Path> found = root.find(relative);
        String windows = root.windowsPath(relative);
        if (found.isEmpty()) {
            return new PathState(windows, false, null);
        }
        boolean folder = Files.isDirectory(found.get());
        return new PathState(windows, true, folder ? WindowsRoot.isEmptyFolder(found.get()) : null);
    }

    /** A captured {@code C:\...} path as a root-relative one; empty for other drives and odd text. */
    private static Optional<String> onDrive(String drive, String windowsPath) {
        String prefix = drive + "\\";
        if (!windowsPath.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String relative = windowsPath.substring(prefix.length()).replace('\\', '/');
        for (String segment : relative.split("/")) {
            if (!isPlainName(segment)) {
                return Optional.empty();
            }
        }
        return Optional.of(relative);
    }

    /** A single file or folder name: nothing that could climb out of the root. */
    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf(':') < 0;
    }

    private static void add(Map<String, String> paths, String relative) {
        paths.putIfAbsent(relative.toLowerCase(Locale.ROOT), relative);
    }
}
