-- Stageboard catalog, version 7: the history at scale.
-- Commits as they were when built (the repository may be gone or rewritten later): the message
-- and the commit time, for searching the history by message and for lead time (commit -> live).
-- Filled by every build from version 7 on; builds made before have no row (they are still found
-- by SHA prefix).
CREATE TABLE commits (
    project_id    BIGINT        NOT NULL REFERENCES projects(id),
    sha           CHAR(40)      NOT NULL,
    author        VARCHAR(255)  NOT NULL,
    committed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    message       VARCHAR(4000) NOT NULL,
    PRIMARY KEY (project_id, sha)
);

-- Runs another catalog made, imported from the hosts' ledgers (.stageboard/ledger.jsonl): one row
-- per ledger line, keyed by a hash of the line's fields, so that importing again adds nothing.
CREATE TABLE ledger_imports (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    environment_id  BIGINT        NOT NULL REFERENCES environments(id),
    host_id         BIGINT        NOT NULL REFERENCES hosts(id),
    line_key        CHAR(64)      NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(100)  NOT NULL,
    by_process      VARCHAR(400),
    catalog_id      VARCHAR(64)   NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    release_folder  VARCHAR(255)  NOT NULL,
    label           VARCHAR(255),
    artifact_sha256 CHAR(64),
    previous        VARCHAR(255),
    outcome         VARCHAR(32)   NOT NULL,
    message         VARCHAR(4000),
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ledger_imports_line UNIQUE (environment_id, host_id, line_key)
);
CREATE INDEX ledger_imports_at ON ledger_imports (at, id);
CREATE INDEX ledger_imports_actor ON ledger_imports (actor);

-- History pages are newest first (read in the order of these time indexes) and filtered by time, who and status.
CREATE INDEX runs_started ON runs (started_at, id);
CREATE INDEX runs_actor ON runs (actor, started_at);
CREATE INDEX releases_created ON releases (created_at, id);
CREATE INDEX releases_environment_created ON releases (environment_id, created_at);
CREATE INDEX releases_actor ON releases (actor, created_at);
CREATE INDEX builds_time ON builds (started_at, id);
CREATE INDEX builds_actor ON builds (actor, started_at);
CREATE INDEX builds_commit ON builds (commit_sha);
CREATE INDEX releases_build ON releases (build_id);
