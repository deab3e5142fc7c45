package org.stageboard.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Difference;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.HostReading;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.run.HostRunner;
import org.stageboard.core.HostState;
import org.stageboard.core.ReleaseIdentity;
import org.stageboard.core.StageboardException;

/**
 * Reads what every host of a project's environments has, in parallel with a time limit, stores
 * each reading with its time in the catalog, and compares it with what the catalog expects.
 */
final class HostStatuses {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Catalog catalog;
    private final RunStage runStage;

    HostStatuses(Catalog catalog, RunStage runStage) {
        this.catalog = catalog;
        this.runStage = runStage;
    }

    private record Target(Environment environment, Host host) {
    }

    List<HostStatus> read(Project project, boolean askHealth) {
        return read(project, host -> true, askHealth);
    }

    /** As {@link #read(Project, boolean)}, only the hosts {@code which} accepts (the others are not asked). */
    List<HostStatus> read(Project project, java.util.function.Predicate<Host> which, boolean askHealth) {
        List<Target> targets = targets(project).stream().filter(t -> which.test(t.host())).toList();
        return HostReads.readAll(targets, READ_TIMEOUT, t -> read(project, t.environment(), t.host(), askHealth), (t, error) -> {
            Instant now = Instant.now();
            save(t.environment(), t.host(), null, error);
            return failed(t.environment(), t.host(), error, now, true, lastGoodState(t.environment(), t.host()));
        });
    }

    /** One host of one environment, read now. */
    HostStatus read(Environment environment, Host host, boolean askHealth) {
        return read(catalog.projects().get(environment.projectId()), environment, host, askHealth);
    }

    private HostStatus read(Project project, Environment environment, Host host, boolean askHealth) {
        HostState state;
        try {
            state = new HostRunner(runStage.target(host), host.baseDir()).state(project.name(), environment.name(), askHealth);
        } catch (org.stageboard.ssh.HostKeyException e) {
            throw new StageboardException(RunStage.hostKeyReadMessage(host, e), e);
        }
        save(environment, host, state, null);
        return status(environment, host, state, null, state.readAt(), true);
    }

    /** The last readings stored, without asking the hosts. */
    List<HostStatus> remembered(Project project) {
        List<HostStatus> statuses = new ArrayList<>();
        for (Target t : targets(project)) {
            Optional<HostReading> reading = catalog.hostReadings().find(t.environment().id(), t.host().id());
            HostState state = reading.map(r -> parse(r.stateJson())).orElse(null);
            if (reading.isPresent() && !reading.get().ok()) {
                statuses.add(failed(t.environment(), t.host(), reading.get().error(), reading.get().readAt(), false, state));
            } else {
                statuses.add(status(t.environment(), t.host(), state, reading.map(HostReading::error).orElse("not read yet"),
                        reading.map(HostReading::readAt).orElse(null), false));
            }
        }
        return statuses;
    }

    /** A read that failed at {@code readAt}, with what the host said at the last read that worked (null when none did). */
    private HostStatus failed(Environment environment, Host host, String error, Instant readAt, boolean fresh, HostState lastGood) {
        HostStatus failed = status(environment, host, null, error, readAt, fresh);
        if (lastGood == null) {
            return failed;
        }
        HostStatus good = status(environment, host, lastGood, null, lastGood.readAt(), false);
        return new HostStatus(environment, host, null, failed.error(), readAt, null, failed.expected(), List.of(), fresh, good);
    }

    /** The state stored from the last read that worked, or null. */
    private HostState lastGoodState(Environment environment, Host host) {
        try {
            return catalog.hostReadings().find(environment.id(), host.id()).map(r -> parse(r.stateJson())).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private List<Target> targets(Project project) {
        List<Target> targets = new ArrayList<>();
        for (Environment environment : catalog.environments().forProject(project.id())) {
            for (Host host : catalog.environments().hosts(environment.id())) {
                targets.add(new Target(environment, host));
            }
        }
        return targets;
    }

    private HostStatus status(Environment environment, Host host, HostState state, String error, Instant readAt, boolean fresh) {
        Release expected = catalog.runs().live(environment.id(), host.id()).map(r -> catalog.releases().get(r.releaseId())).orElse(null);
        Release running = state == null ? null : ours(environment, state.currentIdentity());
        List<Difference> drift = state == null ? List.of() : Drift.of(state, catalog.identity(), running, expected);
        return new HostStatus(environment, host, state, state == null ? error : null, readAt, running, expected, drift, fresh);
    }

    /** This catalog's release with that identity, or null (none, or another catalog's). */
    Release ours(Environment environment, ReleaseIdentity identity) {
        if (identity == null || !catalog.identity().equals(identity.catalog())) {
            return null;
        }
        return catalog.releases().find(environment.id(), identity.version())
                .filter(r -> r.artifactSha256().equals(identity.artifactSha256())).orElse(null);
    }

    private void save(Environment environment, Host host, HostState state, String error) {
        try {
            catalog.hostReadings().save(environment.id(), host.id(), state == null ? Instant.now() : state.readAt(),
                    state == null ? null : JSON.writeValueAsString(state), error);
        } catch (JsonProcessingException | RuntimeException e) {
            // A reading not stored is only a reading not remembered; the answer is still shown.
        }
    }

    private static HostState parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, HostState.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
