package io.wudoctor.internal.gather.offline;

import io.wudoctor.api.GatherListener;
import io.wudoctor.facts.LogMatch;
import io.wudoctor.internal.gather.offline.cab.CabFormatException;
import io.wudoctor.internal.gather.offline.cab.Cabinet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scans the CBS logs inside rotated, compressed CBS logs ({@code CbsPersist_*.cab}) as CBS logs.
 * A match names the log as {@code C:\Windows\Logs\CBS\CbsPersist_X.cab\CbsPersist_X.log}, the
 * way Explorer shows a cabinet's contents. A cabinet that cannot be read (LZX, damaged) is
 * named in a warning with the command that expands it.
 */
final class CabinetLogs {

    private CabinetLogs() {
    }

    static List<LogMatch> scan(List<LogPlaces.FoundLog> cabinets, LogFiles scanner, GatherListener listener) {
        List<LogMatch> matches = new ArrayList<>();
        for (LogPlaces.FoundLog cab : cabinets) {
            try {
                Cabinet cabinet = Cabinet.open(cab.file());
                for (Cabinet.Member member : cabinet.members()) {
                    if (member.name().toLowerCase(Locale.ROOT).endsWith(".log")) {
                        matches.addAll(scanner.scan(cabinet.open(member), cab.name() + "\\" + member.name(), member.size(),
                                cab.kind()));
                    }
                }
            } catch (IOException | CabFormatException e) {
                listener.warning(cab.name() + ": a compressed rotated CBS log, not read (" + e.getMessage() + "): expand it "
                        + "(expand -F:* CbsPersist_....cab DIR) into Windows\\Logs\\CBS and run again");
            }
        }
        return matches;
    }
}
