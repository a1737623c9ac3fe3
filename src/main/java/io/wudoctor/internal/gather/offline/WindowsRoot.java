package io.wudoctor.internal.gather.offline;

import io.wudoctor.api.GatherListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder laid out like a Windows system drive: a mounted disk image, {@code /mnt/c} under WSL,
 * an unpacked bundle, or the live system drive. Paths in it are written root-relative with '/'
 * ({@code Windows/Logs/CBS}) and found case-insensitively, as Windows finds them.
 */
public final class WindowsRoot {

    /** The drive letter facts use for an offline root's paths: a copy carries no letter of its own. */
    public static final String DEFAULT_DRIVE = "C:";

    private final Path dir;
    private final String drive;
    private final GatherListener listener;
    private final Path realDir;
    private boolean toldOfOutsideLinks;
    private final java.util.Set<Path> toldUnreadable = new java.util.HashSet<>();

    /** @param drive the letter facts give the root's paths, {@code C:} */
    public WindowsRoot(Path dir, String drive) {
        this(dir, drive, GatherListener.SILENT);
    }

    /**
     * A root that tells {@code listener} what it passes over: links that lead outside it (not
     * followed, said once) and folders it cannot read (each named).
     */
    public WindowsRoot(Path dir, String drive, GatherListener listener) {
        this.dir = dir;
        this.drive = drive;
        this.listener = listener;
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            real = dir.toAbsolutePath().normalize();
        }
        this.realDir = real;
    }

    public String drive() {
        return drive;
    }

    /**
     * True when the root is a whole system drive (it has {@code Windows/System32/config}, where the
     * registry lives), not a partial copy such as a bundle or a folder of logs, in which a missing
     * folder says nothing about the machine.
     */
    public boolean isWholeDrive() {
        return find("Windows/System32/config").filter(Files::isDirectory).isPresent();
    }

    /** The file or folder at {@code relative}, or empty when there is none. */
    public Optional<Path> find(String relative) {
        return findAll(relative).stream().findFirst();
    }

    /**
     * Every file or folder at {@code relative}. Windows allows one, but a copy made on a
     * case-sensitive file system can hold both {@code Windows} and {@code windows}.
     */
    List<Path> findAll(String relative) {
        List<Path> current = List.of(dir);
        for (String segment : relative.split("/")) {
            current = current.stream().flatMap(folder -> children(folder, segment).stream()).toList();
            if (current.isEmpty()) {
                break;
            }
        }
        return current;
    }

    /** The files in folder {@code relative} whose names match {@code glob} ('*' and '?'), sorted by path. */
    public List<Path> files(String relative, String glob) {
        Pattern names = globPattern(glob);
        return findAll(relative).stream().filter(Files::isDirectory).flatMap(folder -> {
            try (Stream<Path> children = Files.list(folder)) {
                return children.filter(p -> names.matcher(p.getFileName().toString()).matches()).filter(this::staysInside)
                        .filter(Files::isRegularFile).toList().stream();
            } catch (IOException | UncheckedIOException e) {
                unreadable(folder, e);
                return Stream.empty();
            }
        }).sorted().toList();
    }

    /** {@code C:\Windows\Logs\CBS\CBS.log} for a file of this root. */
    public String windowsPath(Path file) {
        return drive + "\\" + relativeName(file);
    }

    /** {@code Windows\Logs\CBS\CBS.log}: the root-relative name with Windows separators. */
    public String relativeName(Path file) {
        StringBuilder sb = new StringBuilder();
        for (Path name : dir.relativize(file)) {
            sb.append(sb.length() == 0 ? "" : "\\").append(name);
        }
        return sb.toString();
    }

    /** {@code C:\Windows\System32\catroot2} for the root-relative {@code Windows/System32/catroot2}. */
    public String windowsPath(String relative) {
        return drive + "\\" + relative.replace('/', '\\');
    }

    /** True when {@code folder} exists and holds nothing. */
    static boolean isEmptyFolder(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of {@code folder} named {@code name}, ignoring case; the exact name first. */
    private List<Path> children(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).filter(this::staysInside)
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equals(name)).thenComparing(p -> p))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            unreadable(folder, e);
            return List.of();
        }
    }

    /**
     * False for a symbolic link that leads outside the root (a {@code CBS.log} linked to
     * {@code /etc/shadow} must not be read and quoted): such links are passed over, and the
     * listener is told once. Links within the root are followed.
     */
    private boolean staysInside(Path entry) {
        if (!Files.isSymbolicLink(entry)) {
            return true;
        }
        boolean inside;
        try {
            inside = entry.toRealPath().startsWith(realDir);
        } catch (IOException e) {
            inside = false; // a dangling link or a loop: nothing to read either way
        }
        if (!inside && !toldOfOutsideLinks) {
            toldOfOutsideLinks = true;
            listener.warning(entry + ": a symbolic link that leads outside " + dir + " is not followed (nor are any others)");
        }
        return inside;
    }

    private void unreadable(Path folder, Exception e) {
        if (toldUnreadable.add(folder)) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            listener.warning(folder + ": cannot read the folder (" + (cause instanceof java.nio.file.AccessDeniedException
                    ? "permission denied" : cause.getMessage()) + "); what it holds is left out");
        }
    }

    private static Pattern globPattern(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
