-- Stageboard catalog, version 8: the commit of a run imported from a host's ledger.
-- Ledger lines of activations name the commit of their release (its SHA and subject); an imported
-- run keeps them, so it shows its commit and is found by SHA or message even when this catalog
-- never built that artifact. NULL for lines that name no commit (written before, or operations).
ALTER TABLE ledger_imports ADD COLUMN commit_sha CHAR(40);
ALTER TABLE ledger_imports ADD COLUMN commit_subject VARCHAR(4000);
CREATE INDEX ledger_imports_commit ON ledger_imports (commit_sha);
