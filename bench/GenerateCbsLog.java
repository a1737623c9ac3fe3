import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a deterministic CBS.log-like file for bench/scan-benchmark.sh: lines shaped like the
 * real CBS logs in src/test/resources/real-logs (sessions, applicability, CSI, servicing-stack
 * lines, and the harmless 0x80070002 lines healthy machines write), with one line of Microsoft's
 * documented symptoms every 100,000 lines. The same arguments always give the same bytes.
 *
 * Usage: java bench/GenerateCbsLog.java OUT SIZE_MB
 * Prints the number of lines and of symptom lines written.
 */
public class GenerateCbsLog {

    /** The documented symptom lines (src/test/resources/real-logs/cbs-0x80070002-msdocs-*.log). */
    private static final String[] HITS = {
        "Error                 CSI    000000fc@2018/9/29:08:45:29.414 (F) Failed in StartService for [30]\"clr_optimization_v4.0.30319_32\" with error code 2[gle=0x80004005]",
        "Error                 CSI    000000fd (F) 80070002 [Warning,Facility=FACILITY_NTWIN32,Code=ERROR_FILE_NOT_FOUND] #17049# from Windows::COM::NgenOnlineServiceTickler(...)[gle=0x80070002]",
        "Error                 CSI    00000e47 (F) STATUS_OBJECT_NAME_NOT_FOUND #13367681# from Windows::Rtl::SystemImplementation::DirectFileSystemProvider::SysCreateFile(flags = (AllowSharingViolation), handle = {provider=NULL, handle=0, name= (\"null\")}, da = (SYNCHRONIZE|FILE_READ_ATTRIBUTES), oa = @0xa130e9e088->OBJECT_ATTRIBUTES {s:48; rd:NULL; on:[69]\"\\??\\C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\System Tools\"; a:(OBJ_CASE_INSENSITIVE)}, iosb = @0xa130e9e068, as = (null), fa = 0, sa = (FILE_SHARE_READ|FILE_SHARE_WRITE|FILE_SHARE_DELETE), cd = FILE_OPEN, co = (FILE_SYNCHRONOUS_IO_NONALERT|0x00004000), eab = NULL, eal = 0, disp = Invalid)",
        "Info                  CBS    Failed to find file: x86_microsoft-windows-directwrite_31bf3856ad364e35_7.1.7601.23545_none_229deeb1ba2a85d3DWrite.dll [HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]",
        "Info                  CBS    INSTALL index: 55, phase: 2, result 2, inf: flpydisk.inf",
        "Info                  CBS    Doqe: Failed installing driver updates [HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]",
    };

    private static long seed = 0x2545F4914F6CDD1DL;

    /** xorshift64: fast, and the same sequence on every JVM. */
    private static int next(int bound) {
        seed ^= seed << 13;
        seed ^= seed >>> 7;
        seed ^= seed << 17;
        return (int) Long.remainderUnsigned(seed, bound);
    }

    private static String hex(long v, int digits) {
        String h = Long.toHexString(v);
        return "0".repeat(Math.max(0, digits - h.length())) + h;
    }

    private static void benign(StringBuilder sb) {
        int kb = 3000000 + next(2000000);
        int session = 30000000 + next(1000000);
        switch (next(12)) {
            case 0 -> sb.append("Info                  CBS    Session: ").append(session).append('_').append(next(2000000000))
                    .append(" initialized by client WindowsUpdateAgent.");
            case 1 -> sb.append("Info                  CBS    Read out cached applicability from TiLight for package: Package_for_KB")
                    .append(kb).append("~31bf3856ad364e35~amd64~~6.3.1.").append(next(20))
                    .append(", ApplicableState: 112, CurrentState:112");
            case 2 -> sb.append("Info                  CBS    Failed to internally open package. [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]");
            case 3 -> sb.append("Info                  CSI    ").append(hex(next(1 << 24), 8)).append("@2016/9/27:20:30:")
                    .append(10 + next(50)).append('.').append(100 + next(900)).append(" CSI Store ").append(next(100000000))
                    .append(" (0x").append(hex(next(Integer.MAX_VALUE), 16)).append(") initialized");
            case 4 -> sb.append("Info                  CBS    Not able to read BranchName [HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]");
            case 5 -> sb.append("Info                  CBS    FOD: WUFodMetadataCache not available; falling back to InboxFodMetadataCache: hr = 0x80070002");
            case 6 -> sb.append("Info                  CBS    Exec: Processing started.  Client: WindowsUpdateAgent, Session: ").append(session)
                    .append('_').append(next(2000000000)).append(", Package: Package_for_KB").append(kb)
                    .append("~31bf3856ad364e35~amd64~~10.0.1.").append(next(20));
            case 7 -> sb.append("Info                  CSI    ").append(hex(next(1 << 24), 8))
                    .append(" Begin executing advanced installer phase 38 index ").append(next(200)).append(" (sequence ")
                    .append(next(500)).append(')');
            case 8 -> sb.append("Info                  CBS    Appl: detect Parent, Package: Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~10.0.19041.")
                    .append(next(3000)).append(", Parent: Microsoft-Windows-Client-Features-Package~31bf3856ad364e35~amd64~~10.0.19041.")
                    .append(next(3000)).append(", Disposition = Detect, VersionComp: EQ, BuildComp: EQ, RevisionComp: GE, Exist: present");
            case 9 -> sb.append("Info                  CBS    SQM: Failed to start upload with file pattern: C:\\Windows\\servicing\\sqm\\*_std.sqm, flags: 0x2 [HRESULT = 0x80004005 - E_FAIL]");
            case 10 -> sb.append("Info                  CBS    Loaded Servicing Stack v10.0.19041.").append(next(3000))
                    .append(" with Core: C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.19041.")
                    .append(next(3000)).append("_none_").append(hex(next(Integer.MAX_VALUE), 16)).append("\\cbscore.dll");
            default -> sb.append("Info                  CBS    Not able to add ").append(kb)
                    .append(" to Windows Error Report. [HRESULT = 0x80070002 - ERROR_FILE_NOT_FOUND]");
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]) << 20;
        long written = 0;
        long lines = 0;
        long hits = 0;
        StringBuilder sb = new StringBuilder(512);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            while (written < target) {
                long second = lines / 50;
                sb.setLength(0);
                sb.append("2023-05-").append(10 + second / 86400 % 18).append(' ')
                        .append(String.format("%02d:%02d:%02d", second / 3600 % 24, second / 60 % 60, second % 60)).append(", ");
                if (lines % 100_000 == 99_999) {
                    sb.append(HITS[(int) (hits++ % HITS.length)]);
                } else {
                    benign(sb);
                }
                sb.append("\r\n");
                w.append(sb);
                written += sb.length(); // ASCII: one byte a character
                lines++;
            }
        }
        System.out.println(lines + " lines, " + hits + " symptom lines, " + written + " bytes");
    }
}
