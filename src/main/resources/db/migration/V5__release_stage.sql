-- Stageboard catalog, version 5: the release stage.
-- Environments of a project form a promotion path (staging -> production): their place in it.
ALTER TABLE environments ADD COLUMN position INT DEFAULT 0 NOT NULL;
UPDATE environments SET position = id;

-- What each config version changed against the one before it: key names only, comma-separated
-- (keys are [A-Za-z_][A-Za-z0-9_]*), never values. NULL on versions made before version 5
-- (their changes are worked out from the versions themselves).
ALTER TABLE config_versions ADD COLUMN keys_added VARCHAR(8000);
ALTER TABLE config_versions ADD COLUMN keys_removed VARCHAR(8000);
ALTER TABLE config_versions ADD COLUMN keys_changed VARCHAR(8000);
