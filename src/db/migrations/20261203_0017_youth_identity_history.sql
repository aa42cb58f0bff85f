-- Identity history (issue 14, finding 1): each change to a youth's identity or contact details,
-- who made it, when, which fields, and what they held before. Identity-category data: shown on
-- the profile only to those who may see identity; read and written through the checkpoint
-- (src/features/youth/identity-history.ts), which audits both. No grant to harbor_aggregate or
-- harbor_reference: figures and reference routes never need it.
CREATE TABLE youth_identity_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id) ON DELETE CASCADE,
  county_id uuid NOT NULL REFERENCES counties(id),
  changed_by uuid NOT NULL REFERENCES users(id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  -- The version the change produced (youth.version after it).
  version integer NOT NULL CHECK (version >= 1),
  fields text[] NOT NULL CHECK (cardinality(fields) > 0),
  -- {"legalLastName": "Old", "aliases": ["..."]}: the previous value of each changed field.
  previous jsonb NOT NULL CHECK (jsonb_typeof(previous) = 'object')
);
CREATE INDEX youth_identity_history_youth_idx ON youth_identity_history (youth_id, changed_at);

GRANT SELECT, INSERT ON youth_identity_history TO harbor_app;

ALTER TABLE youth_identity_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE youth_identity_history FORCE ROW LEVEL SECURITY;
CREATE POLICY county_isolation ON youth_identity_history TO harbor_app
  USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id));
CREATE POLICY owner_system_access ON youth_identity_history TO CURRENT_USER USING (true) WITH CHECK (true);
