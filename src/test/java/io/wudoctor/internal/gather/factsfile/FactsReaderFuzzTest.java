package io.wudoctor.internal.gather.factsfile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wudoctor.api.BadInputException;
import io.wudoctor.internal.gather.factsfile.FactsReader;

/** Any text given as a facts file is read or refused with a BadInputException: nothing else escapes. */
class FactsReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyTextIsReadOrRefused(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        for (String name : new String[] {"f.yaml", "f.json"}) {
            try {
                FactsReader.parse(name, text);
            } catch (BadInputException expected) {
                // refused with a message: the contract
            }
        }
    }
}
