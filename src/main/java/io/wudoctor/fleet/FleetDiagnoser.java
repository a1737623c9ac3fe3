package io.wudoctor.fleet;

import io.wudoctor.api.Diagnosis;
import io.wudoctor.api.GatherListener;
import io.wudoctor.Wudoctor;
import io.wudoctor.api.WudoctorException;
import io.wudoctor.exit.ExitCode;
import io.wudoctor.facts.Facts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Diagnoses one machine's source (facts file, offline root or bundle) into a {@link MachineRecord}.
 * A bad or hostile source becomes an error record with the exit code {@code diagnose} would have
 * given; nothing it holds can stop the caller's run. Thread-safe, like the {@link Wudoctor} it uses.
 */
public final class FleetDiagnoser {

    /** Gathering warnings kept per machine: a log with a million binary lines must not fill the heap. */
    static final int MAX_WARNINGS = 20;

    private final Wudoctor doctor;

    public FleetDiagnoser(Wudoctor doctor) {
        this.doctor = doctor;
    }

    /** Diagnoses {@code source}; the record names it by its absolute path. */
    public MachineRecord diagnose(Path source) {
        Path absolute = source.toAbsolutePath().normalize();
        return diagnose(absolute, absolute.toString());
    }

    /**
     * Diagnoses the file at {@code local}, naming it {@code shownAs} in the record and its messages:
     * the Spark job copies each input to a local file and names it by its Hadoop path.
     */
    public MachineRecord diagnose(Path local, String shownAs) {
        List<String> warnings = new ArrayList<>();
        GatherListener listener = new GatherListener() {
            @Override
            public void warning(String message) {
                if (warnings.size() < MAX_WARNINGS) {
                    warnings.add(message);
                }
            }
        };
        String localName = local.toString();
        try {
            Facts facts = doctor.gather(local, listener);
            Diagnosis report = doctor.diagnose(facts);
            return MachineRecord.diagnosed(shownAs, machine(facts, report),
                    report, warnings.stream().map(w -> w.replace(localName, shownAs)).toList());
        } catch (WudoctorException e) {
            return MachineRecord.failed(shownAs, ExitCode.of(e), e.getMessage().replace(localName, shownAs));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug met on one machine's data: recorded as such, and the fleet run goes on.
            return MachineRecord.failed(shownAs, ExitCode.INTERNAL_ERROR, ("internal error: " + e).replace(localName, shownAs));
        }
    }

    /** The KB as the report has it (typed in the facts or read from the evidence), else as the facts name it. */
    private static MachineRecord.Machine machine(Facts facts, Diagnosis report) {
        String kb = report.incident() != null && report.incident().kb() != null ? report.incident().kb()
                : facts.incident() == null ? null : facts.incident().kb();
        return new MachineRecord.Machine(kb, facts.os() == null ? null : facts.os().build());
    }
}
