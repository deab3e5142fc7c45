-- Stageboard catalog, version 6: a host key's passphrase, kept only when the user chooses to.
-- Sealed with the catalog's secret box (AES-GCM, key file under the Stageboard home); NULL when
-- not stored (the passphrase is then asked for, or read from $STAGEBOARD_KEY_PASSPHRASE).
ALTER TABLE hosts ADD COLUMN key_passphrase VARCHAR(2000);
