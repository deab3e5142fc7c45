-- Stageboard catalog, version 1: the three stages and what they produce.

CREATE TABLE projects (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(63)   NOT NULL UNIQUE,
    repository      VARCHAR(4000) NOT NULL,
    branch          VARCHAR(255)  NOT NULL,
    build_command   VARCHAR(4000) NOT NULL,
    artifact_globs  VARCHAR(4000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE artifacts (
    sha256      CHAR(64)      PRIMARY KEY,
    project_id  BIGINT        NOT NULL REFERENCES projects(id),
    commit_sha  CHAR(40)      NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    path        VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE builds (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id       BIGINT       NOT NULL REFERENCES projects(id),
    number           INT          NOT NULL,
    commit_sha       CHAR(40)     NOT NULL,
    tree_id          CHAR(40),
    recipe_hash      CHAR(64)     NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    exit_code        INT,
    artifact_sha256  CHAR(64)     REFERENCES artifacts(sha256),
    log_path         VARCHAR(4000),
    message          VARCHAR(4000),
    actor            VARCHAR(100) NOT NULL,
    CONSTRAINT builds_number UNIQUE (project_id, number)
);
CREATE INDEX builds_cache ON builds (project_id, tree_id, recipe_hash, status);

CREATE TABLE environments (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id        BIGINT        NOT NULL REFERENCES projects(id),
    name              VARCHAR(63)   NOT NULL,
    start_command     VARCHAR(4000) NOT NULL,
    health_url        VARCHAR(2000) NOT NULL,
    health_timeout_s  INT           NOT NULL,
    stop_grace_s      INT           NOT NULL,
    keep_releases     INT           NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT environments_name UNIQUE (project_id, name)
);

CREATE TABLE config_versions (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    environment_id  BIGINT       NOT NULL REFERENCES environments(id),
    version         INT          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(100) NOT NULL,
    CONSTRAINT config_versions_number UNIQUE (environment_id, version)
);

-- Secret values are stored sealed (encrypted by the release package), never in clear.
CREATE TABLE config_entries (
    config_version_id  BIGINT        NOT NULL REFERENCES config_versions(id),
    key_name           VARCHAR(255)  NOT NULL,
    value_text         VARCHAR(8000) NOT NULL,
    secret             BOOLEAN       NOT NULL,
    PRIMARY KEY (config_version_id, key_name)
);

CREATE TABLE hosts (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                  VARCHAR(63)   NOT NULL UNIQUE,
    address               VARCHAR(255)  NOT NULL,
    port                  INT           NOT NULL,
    user_name             VARCHAR(255)  NOT NULL,
    private_key           VARCHAR(4000) NOT NULL,
    host_key_fingerprint  VARCHAR(255),
    base_dir              VARCHAR(1000) NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE environment_hosts (
    environment_id  BIGINT NOT NULL REFERENCES environments(id),
    host_id         BIGINT NOT NULL REFERENCES hosts(id),
    PRIMARY KEY (environment_id, host_id)
);

CREATE TABLE releases (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    environment_id     BIGINT        NOT NULL REFERENCES environments(id),
    version            INT           NOT NULL,
    build_id           BIGINT        NOT NULL REFERENCES builds(id),
    artifact_sha256    CHAR(64)      NOT NULL REFERENCES artifacts(sha256),
    config_version_id  BIGINT        NOT NULL REFERENCES config_versions(id),
    start_command      VARCHAR(4000) NOT NULL,
    health_url         VARCHAR(2000) NOT NULL,
    health_timeout_s   INT           NOT NULL,
    stop_grace_s       INT           NOT NULL,
    keep_releases      INT           NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor              VARCHAR(100)  NOT NULL,
    CONSTRAINT releases_number UNIQUE (environment_id, version)
);

CREATE TABLE runs (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    release_id   BIGINT        NOT NULL REFERENCES releases(id),
    host_id      BIGINT        NOT NULL REFERENCES hosts(id),
    kind         VARCHAR(16)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    log_path     VARCHAR(4000),
    message      VARCHAR(4000),
    actor        VARCHAR(100)  NOT NULL
);
CREATE INDEX runs_host ON runs (host_id, started_at);

CREATE TABLE events (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    actor    VARCHAR(100)  NOT NULL,
    project  VARCHAR(63),
    action   VARCHAR(64)   NOT NULL,
    subject  VARCHAR(1000) NOT NULL,
    outcome  VARCHAR(32)   NOT NULL,
    detail   VARCHAR(8000)
);
CREATE INDEX events_project ON events (project, id);
