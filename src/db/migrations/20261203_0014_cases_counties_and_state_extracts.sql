-- Cases through the API, California's 58 counties, the state extract import and the data-quality
-- queue (issue 12; docs/IMPORT.md).

-- California's 58 counties, with their FIPS county codes (state 06). Counties that run Harbor
-- are marked; the others hold youth only when a statewide extract names them.
ALTER TABLE counties
  ADD COLUMN fips text CHECK (fips ~ '^[0-9]{3}$'),
  ADD COLUMN runs_harbor boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX counties_fips_key ON counties (fips);

INSERT INTO counties (code, name, fips)
SELECT lower(replace(n, ' ', '-')), n || ' County', f
  FROM (VALUES ('Alameda','001'),('Alpine','003'),('Amador','005'),('Butte','007'),('Calaveras','009'),
    ('Colusa','011'),('Contra Costa','013'),('Del Norte','015'),('El Dorado','017'),('Fresno','019'),
    ('Glenn','021'),('Humboldt','023'),('Imperial','025'),('Inyo','027'),('Kern','029'),('Kings','031'),
    ('Lake','033'),('Lassen','035'),('Los Angeles','037'),('Madera','039'),('Marin','041'),('Mariposa','043'),
    ('Mendocino','045'),('Merced','047'),('Modoc','049'),('Mono','051'),('Monterey','053'),('Napa','055'),
    ('Nevada','057'),('Orange','059'),('Placer','061'),('Plumas','063'),('Riverside','065'),('Sacramento','067'),
    ('San Benito','069'),('San Bernardino','071'),('San Diego','073'),('San Francisco','075'),('San Joaquin','077'),
    ('San Luis Obispo','079'),('San Mateo','081'),('Santa Barbara','083'),('Santa Clara','085'),('Santa Cruz','087'),
    ('Shasta','089'),('Sierra','091'),('Siskiyou','093'),('Solano','095'),('Sonoma','097'),('Stanislaus','099'),
    ('Sutter','101'),('Tehama','103'),('Trinity','105'),('Tulare','107'),('Tuolumne','109'),('Ventura','111'),
    ('Yolo','113'),('Yuba','115')) AS c(n, f)
ON CONFLICT (code) DO UPDATE SET fips = EXCLUDED.fips;
-- A county with staff already runs Harbor (the seed marks the ones it creates).
UPDATE counties c SET runs_harbor = true WHERE EXISTS (SELECT 1 FROM users u WHERE u.county_id = c.id);

-- One run of the importer: who, when, what it did (counts only; never a name).
CREATE TABLE import_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The county an administrator's upload was for; NULL for a statewide CLI import.
  county_id uuid REFERENCES counties(id),
  source text NOT NULL CHECK (source IN ('cli','upload')),
  started_by uuid REFERENCES users(id),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  summary jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- Youth from a de-identified extract have no names and may have no date of birth: they show
-- their state client id (youth_identifiers, system cws_cms). Search text folds what is there.
ALTER TABLE youth
  ALTER COLUMN legal_first_name DROP NOT NULL,
  ALTER COLUMN legal_last_name DROP NOT NULL,
  ALTER COLUMN date_of_birth DROP NOT NULL,
  ADD COLUMN sex text CHECK (char_length(sex) <= 40),
  ADD COLUMN import_batch_id uuid;
ALTER TABLE youth DROP COLUMN search_text;
ALTER TABLE youth ADD COLUMN search_text text GENERATED ALWAYS AS (
  harbor_fold(coalesce(legal_first_name, '') || ' ' || coalesce(legal_last_name, '') || ' ' || coalesce(preferred_name, ''))
) STORED;
CREATE INDEX youth_search_trgm ON youth USING gin (search_text gin_trgm_ops);
-- The importer finds a client by its state id whatever the county.
CREATE INDEX youth_identifiers_system_value_idx ON youth_identifiers (system, value);

-- Cases: created, edited and closed in Harbor or imported. An imported case in a county with no
-- agency of its kind in Harbor has no organization.
ALTER TABLE cases
  ALTER COLUMN organization_id DROP NOT NULL,
  ADD COLUMN assigned_user_id uuid REFERENCES users(id),
  ADD COLUMN close_reason text CHECK (char_length(close_reason) <= 500),
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN recorded_by uuid REFERENCES users(id),
  ADD COLUMN import_batch_id uuid;
CREATE INDEX cases_external_key_idx ON cases (external_id) WHERE external_id IS NOT NULL;

-- Every saved state of a case, for its history.
CREATE TABLE case_history (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  version integer NOT NULL,
  snapshot jsonb NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid REFERENCES users(id),
  import_batch_id uuid
);
CREATE INDEX case_history_case_idx ON case_history (case_id, version);

ALTER TABLE referrals
  ALTER COLUMN organization_id DROP NOT NULL,
  ADD COLUMN import_batch_id uuid;
CREATE INDEX referrals_external_key_idx ON referrals (external_id) WHERE external_id IS NOT NULL;

-- Imported CSEC Types: history as the state system holds it. No Harbor user recorded them, the
-- subcategory may be blank, and a soft gap (an end before the start, a "while absent" with no
-- end) is kept as it came and queued for review rather than refused.
ALTER TABLE csec_type_records
  ALTER COLUMN recorded_by DROP NOT NULL,
  ALTER COLUMN allegation_subcategory DROP NOT NULL,
  ADD COLUMN import_batch_id uuid,
  DROP CONSTRAINT csec_type_records_source_check,
  DROP CONSTRAINT csec_type_records_check,
  DROP CONSTRAINT csec_type_records_check1,
  ADD CONSTRAINT csec_type_records_source_check
    CHECK (source IN ('screening','self_disclosure','law_enforcement','court','other','state_extract')),
  ADD CONSTRAINT csec_type_records_dates_check
    CHECK (source = 'state_extract' OR end_date IS NULL OR end_date >= start_date),
  ADD CONSTRAINT csec_type_records_absent_end_check
    CHECK (source = 'state_extract' OR type <> 'victim_absent_from_placement' OR end_date IS NOT NULL),
  ADD CONSTRAINT csec_type_records_recorded_check
    CHECK (source = 'state_extract' OR (recorded_by IS NOT NULL AND allegation_subcategory IS NOT NULL));
-- The youth and county of a CSEC Type are checked once per statement, not once per row: a
-- foreign key's per-row trigger cost about 10 µs a row on the benchmark machine, 20 of the 39
-- seconds of importing a million Types (docs/BENCHMARKS.md). The check is also stronger than the
-- two foreign keys it replaces: the Type's county must be its youth's county. Youth are never
-- deleted; a statement deleting one that still has Types fails the same way.
ALTER TABLE csec_type_records
  DROP CONSTRAINT csec_type_records_youth_id_fkey,
  DROP CONSTRAINT csec_type_records_county_id_fkey;
CREATE FUNCTION harbor_csec_type_youth_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM harbor_new_types n LEFT JOIN youth y ON y.id = n.youth_id
              WHERE y.id IS NULL OR y.county_id <> n.county_id) THEN
    RAISE EXCEPTION 'a CSEC Type must belong to an existing youth, in that youth''s county'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER csec_type_records_youth_on_insert AFTER INSERT ON csec_type_records
  REFERENCING NEW TABLE AS harbor_new_types FOR EACH STATEMENT EXECUTE FUNCTION harbor_csec_type_youth_check();
CREATE TRIGGER csec_type_records_youth_on_update AFTER UPDATE ON csec_type_records
  REFERENCING NEW TABLE AS harbor_new_types FOR EACH STATEMENT EXECUTE FUNCTION harbor_csec_type_youth_check();
CREATE FUNCTION harbor_youth_delete_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM harbor_old_youth o JOIN csec_type_records t ON t.youth_id = o.id) THEN
    RAISE EXCEPTION 'a youth with CSEC Types cannot be deleted' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER youth_delete_keeps_csec_types AFTER DELETE ON youth
  REFERENCING OLD TABLE AS harbor_old_youth FOR EACH STATEMENT EXECUTE FUNCTION harbor_youth_delete_check();

-- The batch id on imported rows is provenance, not a relation anything navigates: no foreign key
-- (batches are never deleted), so a million imported rows do not pay a per-row check for it.

-- A youth holds a Type from a given day once: the import's natural key, and the youth index.
DROP INDEX csec_type_records_youth_idx;
CREATE UNIQUE INDEX csec_type_records_natural_key ON csec_type_records (youth_id, type, start_date);

-- The data-quality queue: one row per problem found, kept until fixed or marked reviewed.
CREATE TABLE data_quality_issues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  youth_id uuid NOT NULL REFERENCES youth(id),
  kind text NOT NULL CHECK (kind IN ('missing_subcategory','missing_date_of_birth','age_out_of_range',
    'dates_out_of_order','type_without_case_or_referral','likely_duplicate','missing_names','missing_end_date')),
  record_kind text NOT NULL CHECK (record_kind IN ('client','referral','case','csec_type')),
  record_id uuid NOT NULL,
  -- The other youth of a likely duplicate.
  other_youth_id uuid REFERENCES youth(id),
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','reviewed','fixed')),
  detected_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by uuid REFERENCES users(id),
  note text CHECK (char_length(note) <= 2000),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (kind, record_id)
);
CREATE INDEX data_quality_issues_open_idx ON data_quality_issues (county_id, kind) WHERE status = 'open';
CREATE INDEX data_quality_issues_youth_idx ON data_quality_issues (youth_id);

GRANT SELECT, INSERT, UPDATE ON import_batches, case_history, data_quality_issues TO harbor_app;
GRANT USAGE ON SEQUENCE case_history_id_seq TO harbor_app;
GRANT SELECT (id, county_id, kind, record_kind, status, detected_at, resolved_at) ON data_quality_issues TO harbor_aggregate;
GRANT SELECT (id, county_id, source, started_at, finished_at, summary) ON import_batches TO harbor_aggregate, harbor_reference;
GRANT SELECT (assigned_user_id, version, created_at, updated_at) ON cases TO harbor_aggregate;
GRANT SELECT (sex) ON youth TO harbor_aggregate;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['import_batches','case_history','data_quality_issues']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY county_isolation ON %I TO harbor_app, harbor_aggregate, harbor_reference
                      USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id))', t);
    EXECUTE format('CREATE POLICY owner_system_access ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;
