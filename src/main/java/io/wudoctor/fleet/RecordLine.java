package io.wudoctor.fleet;

import io.wudoctor.exit.ExitCode;
import java.io.Serializable;

/** One finished source: its record as a line of JSON (no line end) and what the summary counts of it. */
public record RecordLine(String json, Outcome outcome) implements Serializable {

    /** The record's line; a record that cannot be serialised becomes an internal-error record, not a lost source. */
    public static RecordLine of(MachineRecord record) {
        try {
            return new RecordLine(record.toJsonLine(), record.outcome());
        } catch (RuntimeException e) {
            MachineRecord failed = MachineRecord.failed(record.source(), ExitCode.INTERNAL_ERROR, "internal error: cannot write the record: " + e);
            return new RecordLine(failed.toJsonLine(), failed.outcome());
        }
    }
}
