package io.wudoctor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds offline roots (folders laid out like a Windows system drive) from the real logs. */
public final class Roots {

    private final Path dir;

    private Roots(Path dir) {
        this.dir = dir;
    }

    public static Roots at(Path dir) {
        return new Roots(dir);
    }

    /** Copies a real log to a root-relative path ('/' separators). */
    public Roots log(String relative, String realLog) {
        return file(relative, TestFiles.bytes(TestFiles.realLog(realLog)));
    }

    public Roots file(String relative, byte[] content) {
        try {
            Path target = dir.resolve(relative);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Roots folder(String relative) {
        try {
            Files.createDirectories(dir.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the root a whole system drive: it gets the registry's folder. */
    public Roots wholeDrive() {
        return folder("Windows/System32/config");
    }

    /**
     * The root of Microsoft's symptom 1 (a whole drive, CBS.log with the clr_optimization failure,
     * an empty .NET v4 folder) with symptom 3's WinSxS line in a rotated CBS log, symptom 5's
     * setupact.log and symptom 4's Event 20 as exported text, plus two trap logs.
     */
    public static Path microsoftSymptoms(Path dir) {
        at(dir).wholeDrive()
                .log("Windows/Logs/CBS/CBS.log", "cbs-0x80070002-msdocs-s1-clr-optimization-ngen-service.log")
                .log("windows/logs/cbs/CbsPersist_20181001120000.LOG", "cbs-0x80070002-msdocs-s3-winsxs-dwrite-dll-missing.log")
                .log("$WINDOWS.~BT/Sources/Panther/setupact.log", "setupact-0x80070002-msdocs-s5-wimmount-imagepath.log")
                .log("Windows/Panther/setuperr.log", "real-setuperr-upgrade-user-cancel-0x800704D3-copyleft21-2024-03-28.log")
                .log("Windows/WindowsUpdate.log", "real-windowsupdate-decoded-win10-raja-fahad-2020-11-19.log")
                .log("wudoctor/events/system.txt", "event-system-20-windowsupdateclient-0x80070002-KB4586793-msdocs-s4.txt")
                .folder("Windows/Microsoft.NET/Framework/v4.0.30319");
        return dir;
    }
}
