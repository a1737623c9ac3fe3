package io.wudoctor.internal.gather.offline;

import io.wudoctor.facts.SystemState;
import java.nio.file.Files;
import java.util.Optional;

/**
 * A restart Windows is waiting for, from the files of a system drive: {@code
 * Windows/WinSxS/pending.xml} holds the servicing operations that complete at the next boot,
 * and exists only while they are outstanding. Its absence proves nothing (a pending file
 * rename or a RebootRequired key are other signs), so the state is only ever "pending" or
 * unknown.
 */
final class PendingRestart {

    static final String PENDING_XML = "Windows/WinSxS/pending.xml";

    private PendingRestart() {
    }

    static Optional<SystemState> of(WindowsRoot root) {
        return root.find(PENDING_XML).filter(Files::isRegularFile).map(f -> new SystemState(null, true));
    }
}
