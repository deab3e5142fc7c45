-- Stageboard catalog, version 2: hosts are the truth.
-- A stable identity per catalog, the process that owns running work, and what was last read from each host.

-- Facts about this catalog. VALUE is a reserved word in H2 2.x: the column is quoted (as "VALUE").
CREATE TABLE catalog_info (
    name     VARCHAR(64)  PRIMARY KEY,
    "VALUE"  VARCHAR(400) NOT NULL
);
-- A random id made once per catalog: release folders on hosts carry it, so that the releases of
-- two catalogs deploying to one host never take each other's names.
INSERT INTO catalog_info (name, "VALUE") VALUES ('catalog_id', CAST(RANDOM_UUID() AS VARCHAR));

-- The process that started the work: user@machine pid N since T (ProcessIdentity.format()).
-- NULL for work recorded before version 2.
ALTER TABLE runs ADD COLUMN owner VARCHAR(400);
ALTER TABLE builds ADD COLUMN owner VARCHAR(400);

-- Crash recovery looks for RUNNING work when a catalog is opened.
CREATE INDEX runs_status ON runs (status);
CREATE INDEX builds_status ON builds (status);

-- What was last read from each host for an environment, with the time it was read: the host's
-- state as JSON when the read worked, the reason when it did not.
CREATE TABLE host_readings (
    environment_id  BIGINT        NOT NULL REFERENCES environments(id),
    host_id         BIGINT        NOT NULL REFERENCES hosts(id),
    read_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    state_json      CLOB,
    error           VARCHAR(4000),
    PRIMARY KEY (environment_id, host_id)
);
