package io.wudoctor.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything known about one machine and one failure: the content of a facts file. Singletons
 * are null when unknown; lists are never null. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Facts(
        Integer schemaVersion,
        Incident incident,
        OsInfo os,
        DiskSpace disk,
        TimeSync time,
        SystemState system,
        Environment environment,
        List<ServiceState> services,
        List<PathState> paths,
        List<RegistryKey> registry,
        List<LogMatch> logMatches,
        List<EventRecord> events,
        List<AttemptedFix> attemptedFixes) {

    /** The facts-file schema version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    /** {@code schemaVersion} is 0 when a file left it out; {@link #SCHEMA_VERSION} is what this build reads. */
    public Facts {
        schemaVersion = schemaVersion == null ? 0 : schemaVersion;
        services = copy(services);
        paths = copy(paths);
        registry = copy(registry);
        logMatches = copy(logMatches);
        events = copy(events);
        attemptedFixes = copy(attemptedFixes);
    }

    /** Facts about nothing but the failure itself. */
    public static Facts of(Incident incident) {
        return builder().incident(incident).build();
    }

    /** Facts built field by field (schemaVersion {@link #SCHEMA_VERSION}); what is not set is unknown. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these facts, to change some of them. */
    public Builder toBuilder() {
        return new Builder().schemaVersion(schemaVersion).incident(incident).os(os).disk(disk).time(time).system(system)
                .environment(environment).services(services).paths(paths).registry(registry).logMatches(logMatches)
                .events(events).attemptedFixes(attemptedFixes);
    }

    /** Builds {@link Facts} by name instead of by position. */
    public static final class Builder {
        private Integer schemaVersion = SCHEMA_VERSION;
        private Incident incident;
        private OsInfo os;
        private DiskSpace disk;
        private TimeSync time;
        private SystemState system;
        private Environment environment;
        private List<ServiceState> services;
        private List<PathState> paths;
        private List<RegistryKey> registry;
        private List<LogMatch> logMatches;
        private List<EventRecord> events;
        private List<AttemptedFix> attemptedFixes;

        private Builder() {
        }

        public Builder schemaVersion(Integer v) { schemaVersion = v; return this; }
        public Builder incident(Incident v) { incident = v; return this; }
        public Builder os(OsInfo v) { os = v; return this; }
        public Builder disk(DiskSpace v) { disk = v; return this; }
        public Builder time(TimeSync v) { time = v; return this; }
        public Builder system(SystemState v) { system = v; return this; }
        public Builder environment(Environment v) { environment = v; return this; }
        public Builder services(List<ServiceState> v) { services = v; return this; }
        public Builder paths(List<PathState> v) { paths = v; return this; }
        public Builder registry(List<RegistryKey> v) { registry = v; return this; }
        public Builder logMatches(List<LogMatch> v) { logMatches = v; return this; }
        public Builder events(List<EventRecord> v) { events = v; return this; }
        public Builder attemptedFixes(List<AttemptedFix> v) { attemptedFixes = v; return this; }
        public Facts build() {
            return new Facts(schemaVersion, incident, os, disk, time, system, environment, services, paths, registry,
                    logMatches, events, attemptedFixes);
        }
    }

    /** Every fact to insert into a rule session, singletons first, in a stable order. */
    public Stream<Fact> all() {
        Stream<Fact> singles = Stream.<Fact>of(incident, os, disk, time, system, environment).filter(Objects::nonNull);
        return Stream.of(singles, services.stream(), paths.stream(), registry.stream(), logMatches.stream(),
                events.stream(), attemptedFixes.stream()).flatMap(s -> s);
    }

    /**
     * These facts with {@code other}'s laid over them: a singleton in {@code other} replaces ours,
     * list entries are appended. Used when a facts.yaml adds what files cannot show.
     */
    public Facts overlay(Facts other) {
        return new Facts(SCHEMA_VERSION,
                pick(other.incident, incident), pick(other.os, os), pick(other.disk, disk), pick(other.time, time),
                pick(other.system, system), pick(other.environment, environment),
                concat(services, other.services), concat(paths, other.paths), concat(registry, other.registry),
                concat(logMatches, other.logMatches), concat(events, other.events),
                concat(attemptedFixes, other.attemptedFixes));
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
