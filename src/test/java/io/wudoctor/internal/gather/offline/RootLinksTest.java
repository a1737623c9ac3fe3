package io.wudoctor.internal.gather.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.wudoctor.TestRules;
import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.Facts;
import io.wudoctor.testing.Roots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A root stays a root: links that lead out of it are not followed, unreadable folders are warnings. */
class RootLinksTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private Facts collect(Path root) {
        return new OfflineRootCollector(TestRules.signatures(), new GatherListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        }).collect(root);
    }

    @Test
    void aLogLinkedOutsideTheRootIsNotReadAndTheUserIsToldOnce() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        // a file outside the root that the CBS signatures would match: read, it would become evidence
        Files.copy(Path.of("src/test/resources/real-logs/cbs-0x80070002-msdocs-s1-clr-optimization-ngen-service.log"),
                outside.resolve("secret.log"));
        Path root = dir.resolve("root");
        Roots.at(root).wholeDrive().folder("Windows/Logs/CBS").folder("Windows/Panther");
        Files.createSymbolicLink(root.resolve("Windows/Logs/CBS/CBS.log"), outside.resolve("secret.log"));
        Files.createSymbolicLink(root.resolve("Windows/Panther/setupact.log"), outside.resolve("secret.log"));
        Facts facts = collect(root);
        assertThat(facts.logMatches()).isEmpty();
        assertThat(warnings).filteredOn(w -> w.contains("symbolic link")).singleElement()
                .satisfies(w -> assertThat(w).contains("is not followed"));
    }

    @Test
    void aLinkWithinTheRootIsFollowed() throws IOException {
        Path root = dir.resolve("root");
        Roots.at(root).wholeDrive().log("evidence/cbs-copy.log", "cbs-0x80070002-msdocs-s1-clr-optimization-ngen-service.log")
                .folder("Windows/Logs/CBS");
        Files.createSymbolicLink(root.resolve("Windows/Logs/CBS/CBS.log"), root.resolve("evidence/cbs-copy.log"));
        assertThat(collect(root).logMatches()).isNotEmpty();
        assertThat(warnings).noneMatch(w -> w.contains("symbolic link"));
    }

    /**
     * Folders the file system refuses to list (as on a whole drive under /mnt/c): each is a
     * warning naming it, never an error. The tests run as root, whom permissions do not stop,
     * so the refusal comes from a stand-in for Files.list that throws what the OS would.
     */
    @Test
    void foldersTheFileSystemRefusesAreWarningsNamingThemNotErrors() throws IOException {
        Path root = dir.resolve("root");
        Roots.at(root).wholeDrive().log("Windows/Logs/CBS/CBS.log", "cbs-0x80070002-msdocs-s1-clr-optimization-ngen-service.log")
                .folder("Windows/SoftwareDistribution/Download").folder("Windows/System32/catroot2/x");
        Path cache = root.resolve("Windows/SoftwareDistribution");
        Path logs = root.resolve("Windows/Logs");
        java.util.Set<Path> refused = java.util.Set.of(cache, logs);
        GatherListener listener = new GatherListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        WindowsRoot locked = new WindowsRoot(root, WindowsRoot.DEFAULT_DRIVE, listener, folder -> {
            if (refused.contains(folder)) {
                throw new java.nio.file.AccessDeniedException(folder.toString());
            }
            return Files.list(folder);
        });
        Facts facts = new OfflineRootCollector(TestRules.signatures(), listener).collect(locked, root, Path::toString);
        // the cache folder exists, but whether it is empty is unknown; catroot2 was read
        assertThat(facts.paths()).filteredOn(p -> p.path().equals("C:\\Windows\\SoftwareDistribution")).singleElement()
                .satisfies(p -> {
                    assertThat(p.exists()).isTrue();
                    assertThat(p.empty()).isNull();
                });
        assertThat(facts.paths()).filteredOn(p -> p.path().equals("C:\\Windows\\System32\\catroot2")).singleElement()
                .satisfies(p -> assertThat(p.empty()).isFalse());
        assertThat(facts.logMatches()).isEmpty(); // CBS.log lies under the refused Windows/Logs
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith(cache + ": cannot read the folder (permission denied)"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith(logs + ": cannot read the folder (permission denied)"));
    }

    @Test
    void anUnreadableFolderIsAWarningNamingIt() throws IOException {
        Path root = dir.resolve("root");
        Roots.at(root).wholeDrive().log("Windows/Logs/CBS/CBS.log", "cbs-0x80070002-msdocs-s1-clr-optimization-ngen-service.log");
        Path locked = root.resolve("Windows/Logs/CBS");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            // as root, permissions lock nothing: the case is then skipped (reported), not passed
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "running as root");
            collect(root);
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains(locked.toString()).contains("cannot read the folder"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
