package io.wudoctor.internal.gather.infer;

import java.util.HashMap;
import java.util.Map;

/**
 * The successful installations of each update, to tell whether one came after a failure: by
 * their times when both records have one (an export may list the newest event first), else by
 * their order in the evidence. One look-up per failure, however many records.
 */
final class Successes {

    /** Per update: the latest time of a timed success, the last index of an untimed one, the last index of any. */
    private record Latest(String time, int untimedIndex, int index) {
    }

    private final Map<String, Latest> byUpdate = new HashMap<>();

    /** A success of {@code update}, the {@code index}th record, at {@code time} (sortable text, or null). */
    void add(String update, int index, String time) {
        Latest old = byUpdate.getOrDefault(update, new Latest(null, -1, -1));
        String latest = time == null || old.time() != null && old.time().compareTo(time) >= 0 ? old.time() : time;
        byUpdate.put(update, new Latest(latest, time == null ? Math.max(old.untimedIndex(), index) : old.untimedIndex(),
                Math.max(old.index(), index)));
    }

    /** Whether {@code update} was installed after a failure that is the {@code index}th record, at {@code time}. */
    boolean after(String update, int index, String time) {
        Latest s = byUpdate.get(update);
        if (s == null) {
            return false;
        }
        if (time == null) {
            return s.index() > index;
        }
        return s.time() != null && s.time().compareTo(time) > 0 || s.untimedIndex() > index;
    }
}
