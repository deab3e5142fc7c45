package org.stageboard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.pipeline.HostStatus;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.core.HostState;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.LockInfo;

/** {@code status --json}: one document for scripts, times in ISO-8601, absent values as null. */
final class StatusJson {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    record Document(String project, boolean offline, Instant generatedAt, String newestBuild, List<Env> environments) {
    }

    record Env(String name, String newestRelease, List<HostEntry> hosts) {
    }

    /**
     * One host: when it was read (and whether now or earlier), why it could not be, where its current
     * link points and what that release says it is, this catalog's release running there
     * ({@code catalogRelease}) and the one the catalog last recorded live ({@code expectedRelease});
     * when the read failed, {@code lastGood} is the last read that worked (null when none did).
     */
    record HostEntry(String host, Instant readAt, boolean fresh, String error, String currentFolder, String currentLabel,
                     String catalogRelease, String expectedRelease, Boolean appAlive, Long appUptimeSeconds, Boolean healthy,
                     String health, Instant since, String deployedBy, Lock lock, List<String> drift,
                     List<org.stageboard.core.Difference> differences, boolean agrees, List<Instance> instances, HostEntry lastGood) {
    }

    /** One process instance on the host: {@code web.2}, its pid, alive, restarts recorded, the supervisor's final word. */
    record Instance(String name, String type, Integer pid, boolean alive, int restarts, String gaveUp, String supervision) {
    }

    record Lock(String holder, String actor, String release, Instant since, long heartbeatAgeSeconds, boolean stale, String staleReason) {
    }

    private StatusJson() {
    }

    static void write(PrintWriter out, Stageboard engine, Project project, List<HostStatus> statuses, boolean offline) {
        List<Env> environments = engine.environments(project).stream().map(e -> new Env(e.name(),
                engine.releases(e).stream().findFirst().map(Release::label).orElse(null),
                statuses.stream().filter(s -> s.environment().id() == e.id()).map(StatusJson::host).toList())).toList();
        Document document = new Document(project.name(), offline, Instant.now(),
                engine.builds(project).stream().findFirst().map(b -> "#" + b.number() + " " + b.shortSha() + " " + b.status().name().toLowerCase())
                        .orElse(null), environments);
        try {
            out.println(JSON.writeValueAsString(document));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status could not be written as JSON", e);
        }
    }

    private static HostEntry host(HostStatus s) {
        HostState state = s.state();
        LedgerEntry entry = state == null ? null : state.currentEntry();
        LockInfo lock = state == null ? null : state.lock();
        return new HostEntry(s.host().name(), s.readAt(), s.fresh(), s.error(),
                state == null ? null : state.currentFolder(),
                state == null || state.currentIdentity() == null ? null : state.currentIdentity().label(),
                s.running() == null ? null : s.running().label(), s.expected() == null ? null : s.expected().label(),
                state == null ? null : state.appAlive(), state == null ? null : state.appUptimeSeconds(),
                state == null ? null : state.healthy(), state == null ? null : state.health(),
                entry == null ? null : entry.time(), entry == null ? null : entry.actor(),
                lock == null ? null : new Lock(lock.holder(), lock.actor(), lock.release(), lock.since(), lock.heartbeatAgeSeconds(),
                        lock.stale(), lock.staleReason()),
                s.drift(), s.differences(), s.agrees(), state == null ? List.of() : state.instances().stream()
                        .map(i -> new Instance(i.name(), i.type(), i.pid(), i.alive(), i.restarts(), i.gaveUp(), i.supervision())).toList(),
                s.lastGood() == null ? null : host(s.lastGood()));
    }
}
