-- The catalog's numbers (build #, run #, event ids, ...) go on one by one, also after a process
-- writing to the catalog was killed: H2 keeps 32 identity values per column in memory by default,
-- and a killed CLI lost those it had not used, so the next run was numbered up to 32 higher.
ALTER TABLE projects ALTER COLUMN id SET NO CACHE;
ALTER TABLE builds ALTER COLUMN id SET NO CACHE;
ALTER TABLE environments ALTER COLUMN id SET NO CACHE;
ALTER TABLE config_versions ALTER COLUMN id SET NO CACHE;
ALTER TABLE hosts ALTER COLUMN id SET NO CACHE;
ALTER TABLE releases ALTER COLUMN id SET NO CACHE;
ALTER TABLE runs ALTER COLUMN id SET NO CACHE;
ALTER TABLE events ALTER COLUMN id SET NO CACHE;
ALTER TABLE ledger_imports ALTER COLUMN id SET NO CACHE;
