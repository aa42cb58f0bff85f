-- Versions stay unique under concurrency, and a TOTP time step is accepted once per account.
--
-- Every "next version" is computed while the parent is locked (the youth row, the county
-- settings row, the instrument row; see the use cases), so two writers serialize. These unique
-- indexes are the last wall: a version can never be written twice, whatever the code does.
-- (safety_plans already has UNIQUE (youth_id, version), instrument_versions UNIQUE
-- (instrument_id, version).)
CREATE UNIQUE INDEX county_settings_history_version ON county_settings_history (county_id, version);

DROP INDEX IF EXISTS provider_history_provider_idx;
CREATE UNIQUE INDEX provider_history_provider_version ON provider_history (provider_id, version);

-- The last TOTP time step (unix seconds / 30) accepted for the account. A code is refused unless
-- its step is greater, so a code seen once (over a shoulder, in a proxy log) cannot open a second
-- session. Set by one conditional UPDATE, so two concurrent uses cannot both pass.
-- Failed codes are counted per account in login_throttle (key 'mfa:<user id>').
-- users.mfa_secret now holds the secret sealed with HARBOR_SECRET_KEY ('v1:<iv>:<tag>:<data>');
-- a plain base32 secret left from before is sealed the first time it is read.
ALTER TABLE users ADD COLUMN mfa_last_step bigint;
