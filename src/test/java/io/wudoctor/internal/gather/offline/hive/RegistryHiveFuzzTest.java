package io.wudoctor.internal.gather.offline.hive;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes given as a registry hive (an image's SOFTWARE) give the OS values or are refused with
 * a {@link HiveFormatException}: never another exception. Seed: the hivex-made hive.
 */
class RegistryHiveFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesAsASoftwareHiveGiveAnOsOrARefusal(byte[] data) {
        try {
            RegistryHive hive = RegistryHive.of(data);
            hive.find("Microsoft\\Windows NT\\CurrentVersion").ifPresent(k -> {
                k.string("ProductName");
                k.string("CurrentBuildNumber");
                k.dword("UBR");
                k.subkeyNames();
            });
        } catch (HiveFormatException refused) {
            // refused with a message: the contract
        }
    }
}
