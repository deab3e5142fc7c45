package org.stageboard.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Artifact;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Release;
import org.stageboard.core.StageboardException;

/** The release stage: one successful build's artifact plus an environment's latest config, frozen. */
public final class ReleaseService {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Catalog catalog;
    private final ConfigService configs;

    public ReleaseService(Catalog catalog, ConfigService configs) {
        this.catalog = catalog;
        this.configs = configs;
    }

    public Release release(Build build, Environment environment, String actor) {
        if (build.projectId() != environment.projectId()) {
            throw new StageboardException("Build #" + build.number() + " belongs to another project than environment " + environment.name() + ".");
        }
        if (!build.succeeded() || build.artifactSha256() == null) {
            throw new StageboardException("Build #" + build.number() + " did not succeed, so it has no artifact to release: "
                    + "fix the build and release a successful one.");
        }
        Artifact artifact = catalog.artifacts().find(build.artifactSha256())
                .orElseThrow(() -> new StageboardException("The artifact of build #" + build.number() + " is not in the catalog: build the commit again."));
        if (!Files.isRegularFile(artifact.file())) {
            throw new StageboardException("The artifact file of build #" + build.number() + " is missing (" + artifact.file()
                    + "): build the commit again.");
        }
        ConfigVersion config = configs.latestOrEmpty(environment, actor);
        return catalog.releases().add(environment, build, config, actor);
    }

    /** The {@code release.json} written beside a release on a host: identity and config keys, never values. */
    public String describe(Release release, Build build, ConfigVersion config, String project) {
        ObjectNode node = JSON.createObjectNode();
        node.put("project", project);
        node.put("release", release.label());
        node.put("environment", release.environmentName());
        node.put("version", release.version());
        node.put("build", build.number());
        node.put("commit", build.commitSha());
        catalog.history().commitSubject(build.projectId(), build.commitSha()).ifPresent(subject -> node.put("commitSubject", subject));
        node.put("artifact", release.artifactSha256());
        node.put("config", config.version());
        var keys = node.putArray("configKeys");
        config.entries().keySet().forEach(keys::add);
        var secretKeys = node.putArray("secretKeys");
        config.entries().values().stream().filter(e -> e.secret()).forEach(e -> secretKeys.add(e.key()));
        node.put("startCommand", release.run().startCommand());
        node.put("healthUrl", release.run().healthUrl());
        node.put("createdAt", release.createdAt().toString());
        node.put("createdBy", release.actor());
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
