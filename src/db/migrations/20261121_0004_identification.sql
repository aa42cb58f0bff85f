-- Identification: county settings, screening instruments and screenings, CSEC Type records,
-- hotline referral flags, and the general obligation record (deadlines tracked until met).

CREATE TABLE county_settings (
  county_id uuid PRIMARY KEY REFERENCES counties(id),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);

CREATE TABLE county_settings_history (
  id bigserial PRIMARY KEY,
  county_id uuid NOT NULL REFERENCES counties(id),
  version integer NOT NULL,
  settings jsonb NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid REFERENCES users(id)
);

-- An instrument is a named tool; each version is a complete, immutable definition once used.
-- county_id NULL: shipped with Harbor, available to every county.
CREATE TABLE instruments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid REFERENCES counties(id),
  key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX instruments_key ON instruments (coalesce(county_id, '00000000-0000-0000-0000-000000000000'::uuid), key);

CREATE TABLE instrument_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instrument_id uuid NOT NULL REFERENCES instruments(id),
  county_id uuid REFERENCES counties(id),
  version integer NOT NULL CHECK (version >= 1),
  definition jsonb NOT NULL,
  demonstration boolean NOT NULL,
  retired_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (instrument_id, version)
);

CREATE TABLE screenings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  instrument_version_id uuid NOT NULL REFERENCES instrument_versions(id),
  context text NOT NULL CHECK (context IN ('hotline','investigation','case_opening','placement',
    'detention_intake','return_from_missing','periodic_rescreen','other')),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  administered_by uuid NOT NULL REFERENCES users(id),
  administered_at timestamptz NOT NULL DEFAULT now(),
  ratings jsonb NOT NULL DEFAULT '{}'::jsonb,
  notes text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','final')),
  level text CHECK (level IN ('no_concern','possible_concern','clear_concern')),
  result jsonb,
  next_due_on date,
  supersedes_id uuid REFERENCES screenings(id),
  supersede_reason text,
  superseded_by_id uuid REFERENCES screenings(id),
  finalized_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'draft' OR (level IS NOT NULL AND finalized_at IS NOT NULL)),
  CHECK (supersedes_id IS NULL OR supersede_reason IS NOT NULL)
);
CREATE INDEX screenings_youth_idx ON screenings (youth_id, administered_at DESC);
-- At most one draft may supersede a given screening.
CREATE UNIQUE INDEX screenings_one_amendment ON screenings (supersedes_id) WHERE supersedes_id IS NOT NULL;

-- A version that has been used by a screening never changes: old results stay explainable.
CREATE OR REPLACE FUNCTION harbor_instrument_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.definition IS DISTINCT FROM OLD.definition AND EXISTS (
       SELECT 1 FROM screenings s WHERE s.instrument_version_id = OLD.id) THEN
    RAISE EXCEPTION 'instrument version % has been used and cannot change; import it as a new version', OLD.version
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER instrument_versions_frozen BEFORE UPDATE ON instrument_versions
  FOR EACH ROW EXECUTE FUNCTION harbor_instrument_version_frozen();

CREATE TABLE csec_type_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  type text NOT NULL CHECK (type IN ('victim_during_care','victim_open_case_not_in_care',
    'victim_absent_from_placement','victim_closed_case_ilp','victim_before_care','at_risk')),
  start_date date NOT NULL,
  end_date date,
  allegation_subcategory text NOT NULL,
  source text NOT NULL CHECK (source IN ('screening','self_disclosure','law_enforcement','court','other')),
  screening_id uuid REFERENCES screenings(id),
  referral_id uuid REFERENCES referrals(id),
  case_id uuid REFERENCES cases(id),
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK (type <> 'victim_absent_from_placement' OR end_date IS NOT NULL),
  CHECK (referral_id IS NULL OR case_id IS NULL)
);
CREATE INDEX csec_type_records_youth_idx ON csec_type_records (youth_id, start_date);

-- Hotline referrals (ACL 16-74): allegations and the state's special project codes.
ALTER TABLE referrals
  ADD COLUMN allegations text[] NOT NULL DEFAULT '{}',
  ADD COLUMN special_project_codes text[] NOT NULL DEFAULT '{}',
  ADD COLUMN recorded_by uuid REFERENCES users(id);

-- How the youth came to the system's attention (seed 003) and dual status (WIC 241.1).
ALTER TABLE youth
  ADD COLUMN entry_pathway text CHECK (entry_pathway IN ('open_child_welfare_case','open_probation_case','no_prior_system_contact')),
  ADD COLUMN dual_status boolean NOT NULL DEFAULT false;

-- Something the law or the county protocol says must happen by a time, tracked until met.
-- "missed" is derived (open and past due) until the missed-obligation job records it.
CREATE TABLE obligations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  youth_id uuid NOT NULL REFERENCES youth(id),
  kind text NOT NULL,
  source_kind text NOT NULL,
  source_id uuid,
  due_at timestamptz NOT NULL,
  owner_user_id uuid REFERENCES users(id),
  owner_organization_id uuid NOT NULL REFERENCES organizations(id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','met','missed','waived')),
  met_at timestamptz,
  met_by uuid REFERENCES users(id),
  met_record jsonb,
  waived_at timestamptz,
  waived_by uuid REFERENCES users(id),
  waive_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (status <> 'met' OR met_at IS NOT NULL),
  CHECK (status <> 'waived' OR (waived_at IS NOT NULL AND waive_reason IS NOT NULL))
);
CREATE INDEX obligations_youth_idx ON obligations (youth_id);
CREATE INDEX obligations_owner_open_idx ON obligations (owner_user_id, due_at) WHERE status = 'open';
CREATE UNIQUE INDEX obligations_once_per_source ON obligations (kind, source_id) WHERE source_id IS NOT NULL;

GRANT SELECT ON county_settings, county_settings_history TO harbor_app;
GRANT INSERT, UPDATE ON county_settings TO harbor_app;
GRANT INSERT ON county_settings_history TO harbor_app;
GRANT USAGE ON SEQUENCE county_settings_history_id_seq TO harbor_app;
GRANT SELECT ON instruments, instrument_versions TO harbor_app;
GRANT SELECT, INSERT, UPDATE ON screenings, csec_type_records, obligations TO harbor_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['county_settings','county_settings_history','screenings','csec_type_records','obligations']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY county_isolation ON %I TO harbor_app
                      USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id))', t);
  END LOOP;
  -- Shipped instruments (no county) are visible to every county.
  FOREACH t IN ARRAY ARRAY['instruments','instrument_versions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY county_isolation ON %I TO harbor_app
                      USING (county_id IS NULL OR harbor_county_visible(county_id))', t);
  END LOOP;
END $$;
