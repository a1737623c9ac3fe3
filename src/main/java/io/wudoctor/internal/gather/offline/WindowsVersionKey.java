package io.wudoctor.internal.gather.offline;

import io.wudoctor.facts.OsInfo;
import io.wudoctor.internal.gather.offline.hive.RegistryHive;
import io.wudoctor.internal.gather.infer.OsInference;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The OS of a mounted image from its SOFTWARE hive's {@code Microsoft\Windows NT\CurrentVersion}
 * key: the build ({@code CurrentBuildNumber}, else {@code CurrentBuild}) with the update build
 * revision ({@code UBR}, Windows 10 and later), the product name and the release
 * ({@code DisplayVersion}, {@code ReleaseId}, or the service pack {@code CSDVersion} on older
 * Windows). These values are written the same in every display language.
 */
public final class WindowsVersionKey {

    static final String KEY = "Microsoft\\Windows NT\\CurrentVersion";

    private WindowsVersionKey() {
    }

    static Optional<OsInfo> read(RegistryHive software, String hiveName) {
        return software.find(KEY).flatMap(k -> of(k::string, name -> k.dword(name), hiveName + ": " + KEY));
    }

    /** The OS the values show (the live collector reads the same values); empty without a numeric build. */
    public static Optional<OsInfo> of(Function<String, Optional<String>> strings, Function<String, Optional<Integer>> dwords,
            String seenIn) {
        Optional<String> build = strings.apply("CurrentBuildNumber").or(() -> strings.apply("CurrentBuild"))
                .map(String::strip).filter(b -> b.matches("\\d{1,6}"));
        if (build.isEmpty()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(build.get());
        String full = build.get() + dwords.apply("UBR").filter(u -> u > 0).map(u -> "." + Integer.toUnsignedString(u)).orElse("");
        String edition = strings.apply("ProductName").map(p -> windows11(p, major, strings.apply("InstallationType")))
                .or(() -> strings.apply("EditionID")).orElse(null);
        String version = strings.apply("DisplayVersion").or(() -> strings.apply("ReleaseId"))
                .or(() -> strings.apply("CSDVersion")).filter(v -> !v.isBlank())
                .orElseGet(() -> OsInference.family(major));
        return Optional.of(new OsInfo(edition, version, full, seenIn));
    }

    /**
     * Windows 11 keeps ProductName "Windows 10 ..." (servicing-engineer fact, not in the
     * documents): a client at build 22000 or later is named Windows 11.
     */
    private static String windows11(String product, int build, Optional<String> installationType) {
        boolean client = installationType.map(t -> t.toLowerCase(Locale.ROOT).startsWith("client")).orElse(true);
        return build >= 22000 && client && product.startsWith("Windows 10") ? "Windows 11" + product.substring(10) : product;
    }
}
