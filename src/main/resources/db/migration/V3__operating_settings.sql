-- Stageboard catalog, version 3: operating the app on its hosts.
-- Run settings beyond the five plain columns (process types and scale, supervision, shared paths,
-- release command and hooks) as JSON, on environments and snapshotted by each release; how a
-- deploy goes over an environment's hosts; the order of its hosts.
ALTER TABLE environments ADD COLUMN run_extras CLOB;
ALTER TABLE environments ADD COLUMN rollout CLOB;
ALTER TABLE releases ADD COLUMN run_extras CLOB;
ALTER TABLE environment_hosts ADD COLUMN position INT DEFAULT 0 NOT NULL;

-- Runs of one release, for "retry only the failed hosts" and "has its release command run".
CREATE INDEX runs_release ON runs (release_id, host_id, id);
