-- Stageboard catalog, version 4: build recipes with steps, the build queue, cached builds, artifact checks.
-- A project's recipe as JSON (the stageboard.json form: steps, artifacts, env, caches); NULL for the
-- plain form kept in build_command / artifact_globs (which stay filled, for people reading the table).
ALTER TABLE projects ADD COLUMN recipe CLOB;

-- A build that reused the artifact of an earlier one (same tree, same recipe) names its number;
-- where its recipe came from (catalog or stageboard.json); what the export reported (submodules, LFS).
ALTER TABLE builds ADD COLUMN cached_from INT;
ALTER TABLE builds ADD COLUMN recipe_source VARCHAR(100);
ALTER TABLE builds ADD COLUMN notes VARCHAR(8000);
ALTER TABLE builds ADD COLUMN queued_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX builds_queue ON builds (project_id, status, id);

-- The steps of each build, in order, each with its own status, times, exit code and log.
CREATE TABLE build_steps (
    build_id     BIGINT        NOT NULL REFERENCES builds(id),
    position     INT           NOT NULL,
    name         VARCHAR(63)   NOT NULL,
    command      VARCHAR(8000) NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    exit_code    INT,
    log_path     VARCHAR(4000),
    PRIMARY KEY (build_id, position)
);

-- What the store holds for each artifact (OK, CORRUPT, MISSING, PRUNED) and when it was last re-hashed.
ALTER TABLE artifacts ADD COLUMN state VARCHAR(16) DEFAULT 'OK' NOT NULL;
ALTER TABLE artifacts ADD COLUMN checked_at TIMESTAMP WITH TIME ZONE;
