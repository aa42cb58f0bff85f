-- The state CSEC Program (issue 13; seed 004; docs/STATE-REPORT.md): the state's own agency,
-- counties' participation per fiscal year, child-welfare population denominators, the figures
-- counties reported in their County Plans, and counties' submissions to the state with a
-- de-identified row file.

-- The state's program staff belong to a state agency (the California Department of Social
-- Services' CSEC Program). It is an organization like the others so that users keep one shape.
ALTER TABLE organizations DROP CONSTRAINT organizations_type_check;
ALTER TABLE organizations ADD CONSTRAINT organizations_type_check CHECK (type IN ('child_welfare','probation',
  'law_enforcement','mental_health','public_health','health_services','juvenile_court','district_attorney',
  'public_defender','childs_attorney','education','advocacy_cbo','placement_provider','state_agency'));

-- The rank of each CSEC Type in the state's hierarchy (1 is the highest), as src/domain/csec-type.ts
-- has it; a test keeps the two the same. Inlined by the planner. The commonest Types are tested
-- first (At Risk is most of them): one comparison instead of six for most rows of a statewide year.
CREATE FUNCTION csec_type_rank(t text) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE t WHEN 'at_risk' THEN 6 WHEN 'victim_before_care' THEN 5
    WHEN 'victim_open_case_not_in_care' THEN 2 WHEN 'victim_during_care' THEN 1
    WHEN 'victim_absent_from_placement' THEN 3 WHEN 'victim_closed_case_ilp' THEN 4 END
$$;
GRANT EXECUTE ON FUNCTION csec_type_rank(text) TO harbor_app, harbor_aggregate, harbor_reference;

-- Whether a youth has a date of birth, without the date: the report's data limitations count
-- youth without one, and harbor_aggregate cannot read date_of_birth itself.
ALTER TABLE youth ADD COLUMN has_date_of_birth boolean GENERATED ALWAYS AS (date_of_birth IS NOT NULL) STORED;
GRANT SELECT (has_date_of_birth) ON youth TO harbor_aggregate, harbor_reference;

-- The report reads Types by start date across every county, each statement from an index alone
-- (an index-only scan; docs/BENCHMARKS.md, section 6): the Type table (youth, county, Type,
-- referral), the Types that started before the period and still apply (end date), and the data
-- limitations (a subcategory missing; neither a referral nor a case; youth without a birth date).
CREATE INDEX csec_type_records_start_idx ON csec_type_records (start_date)
  INCLUDE (youth_id, county_id, type, referral_id);
CREATE INDEX csec_type_records_start_end_idx ON csec_type_records (start_date) INCLUDE (county_id, end_date);
CREATE INDEX csec_type_records_no_subcategory_idx ON csec_type_records (start_date) INCLUDE (county_id)
  WHERE allegation_subcategory IS NULL;
CREATE INDEX csec_type_records_no_case_idx ON csec_type_records (start_date) INCLUDE (county_id)
  WHERE referral_id IS NULL AND case_id IS NULL;
CREATE INDEX youth_without_date_of_birth_idx ON youth (id) INCLUDE (county_id) WHERE NOT has_date_of_birth;

-- The county wall (0003), the same answer written for statewide figures. The planner cannot know
-- what a setting holds: it guessed 1% of rows for "the setting is 'on'", so on a statewide year it
-- sorted where it should hash and spilled to disk; a COALESCE is guessed at one half. The
-- all-counties test comes first (one setting read per row, no cast of the county id, when it is
-- on), and the function is parallel safe (current_setting is: parallel workers get the
-- transaction's settings), so a statewide count may use parallel workers. Visible exactly when it
-- was before; where the old form gave NULL (no all-counties setting at all) this gives false.
CREATE OR REPLACE FUNCTION harbor_county_visible(row_county uuid) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(current_setting('harbor.all_counties', true) = 'on', false)
      OR row_county::text = current_setting('harbor.county_id', true)
$$;

-- Statewide reference data: public figures, not youth data; no county wall. Read by every
-- application role; written through the state program's administration (ability
-- state.program).
CREATE TABLE csec_program_participation (
  county_id uuid NOT NULL REFERENCES counties(id),
  fiscal_year text NOT NULL CHECK (fiscal_year ~ '^[0-9]{4}-[0-9]{2}$'),
  -- The two-tier funding methodology (seed 004); NULL for 2014-15, before the tiers.
  tier text CHECK (tier IN ('I','II')),
  -- The county's allocation for the year, in whole dollars; NULL until the state enters it.
  allocation_dollars bigint CHECK (allocation_dollars >= 0 AND allocation_dollars <= 1000000000),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_id, fiscal_year)
);

CREATE TABLE child_welfare_population (
  county_id uuid NOT NULL REFERENCES counties(id),
  fiscal_year text NOT NULL CHECK (fiscal_year ~ '^[0-9]{4}-[0-9]{2}$'),
  youth_10_20_in_child_welfare integer NOT NULL CHECK (youth_10_20_in_child_welfare >= 0),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_id, fiscal_year)
);

GRANT SELECT ON csec_program_participation, child_welfare_population TO harbor_app, harbor_aggregate, harbor_reference;
GRANT INSERT, UPDATE, DELETE ON csec_program_participation, child_welfare_population TO harbor_reference;

-- Seed 004's lists of counties opted in to the CSEC Program ("Participating Counties").
INSERT INTO csec_program_participation (county_id, fiscal_year, tier)
SELECT c.id, l.fy, l.tier
  FROM (
    SELECT '2014-15' AS fy, NULL::text AS tier, unnest(ARRAY['Alameda','Butte','Contra Costa','El Dorado','Humboldt',
      'Kern','Los Angeles','Madera','Marin','Merced','Napa','Orange','Placer','Plumas','Riverside','Sacramento',
      'San Benito','San Bernardino','San Diego','San Joaquin','San Luis Obispo','Santa Barbara','Santa Clara',
      'Shasta','Sierra','Sonoma','Stanislaus','Tulare','Yolo','Yuba']) AS n
    UNION ALL
    SELECT '2015-16', 'I', unnest(ARRAY['Calaveras','Colusa','Kern','Madera','Marin','Placer','Plumas','Shasta',
      'Siskiyou','Solano','Tulare','Ventura','Yolo'])
    UNION ALL
    SELECT '2015-16', 'II', unnest(ARRAY['Alameda','Contra Costa','El Dorado','Fresno','Los Angeles','Merced',
      'Monterey','Orange','Riverside','Sacramento','San Benito','San Bernardino','San Diego','San Francisco',
      'San Joaquin','San Luis Obispo','San Mateo','Santa Barbara','Santa Clara','Santa Cruz','Sonoma','Stanislaus'])
    UNION ALL
    SELECT '2016-17', 'I', unnest(ARRAY['Colusa'])
    UNION ALL
    SELECT '2016-17', 'II', unnest(ARRAY['Alameda','Calaveras','Contra Costa','El Dorado','Fresno','Humboldt','Kern',
      'Los Angeles','Madera','Marin','Merced','Monterey','Orange','Placer','Plumas','Riverside','Sacramento',
      'San Benito','San Bernardino','San Diego','San Francisco','San Joaquin','San Luis Obispo','San Mateo',
      'Santa Barbara','Santa Clara','Santa Cruz','Shasta','Siskiyou','Solano','Sonoma','Stanislaus','Sutter',
      'Tulare','Ventura','Yolo','Yuba'])
  ) l
  JOIN counties c ON c.fips IS NOT NULL AND c.name = l.n || ' County';

-- Row-level security on these two, although every county's row is public: all three roles read
-- them; only the state's administration (harbor_reference with harbor.all_counties on, which
-- ScopedRepo.forState sets for state analysts only) may write; the owner (system work: the
-- migration's lists, `harbor import population`) may do anything.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['csec_program_participation','child_welfare_population']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY statewide_read ON %I FOR SELECT TO harbor_app, harbor_aggregate, harbor_reference
                      USING (true)', t);
    EXECUTE format('CREATE POLICY state_writes ON %I TO harbor_reference
                      USING (current_setting(''harbor.all_counties'', true) = ''on'')
                      WITH CHECK (current_setting(''harbor.all_counties'', true) = ''on'')', t);
    EXECUTE format('CREATE POLICY owner_system_access ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

-- What a county reported in its County Plan for a fiscal year: the second source seed 004 sets
-- beside the state system's count. Entered by the county analyst (ability state.plan_figures).
CREATE TABLE county_plan_figures (
  county_id uuid NOT NULL REFERENCES counties(id),
  fiscal_year text NOT NULL CHECK (fiscal_year ~ '^[0-9]{4}-[0-9]{2}$'),
  victims_served integer NOT NULL CHECK (victims_served >= 0 AND victims_served <= 1000000),
  at_risk_identified integer NOT NULL CHECK (at_risk_identified >= 0 AND at_risk_identified <= 1000000),
  -- Victims by victim Type, when the plan gave them: {"victim_during_care": 326, ...}.
  victims_by_type jsonb CHECK (victims_by_type IS NULL OR jsonb_typeof(victims_by_type) = 'object'),
  note text CHECK (char_length(note) <= 2000),
  entered_by uuid NOT NULL REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_id, fiscal_year)
);

-- A county's submission of a period's figures to the state, with its de-identified rows.
CREATE TABLE state_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  period_from date NOT NULL,
  period_to date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','accepted','returned')),
  -- The county's figures under the counting rule when the rows were made (counts only).
  figures jsonb NOT NULL,
  row_count integer NOT NULL DEFAULT 0,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz,
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  review_comments text CHECK (char_length(review_comments) <= 4000),
  version integer NOT NULL DEFAULT 1,
  CHECK (period_from <= period_to)
);
CREATE INDEX state_submissions_county_idx ON state_submissions (county_id, period_from);
-- One live submission per county and period: a returned one is refreshed and submitted again.
CREATE UNIQUE INDEX state_submissions_period_key ON state_submissions (county_id, period_from, period_to);

-- The de-identified row file: one row per CSEC Type starting in the period. No name, no date of
-- birth, no state id: the client id is hashed with the county's secret (county_submission_secrets).
CREATE TABLE state_submission_rows (
  submission_id uuid NOT NULL REFERENCES state_submissions(id) ON DELETE CASCADE,
  line integer NOT NULL,
  county_id uuid NOT NULL REFERENCES counties(id),
  client_hash text NOT NULL,
  age_at_start integer,
  csec_type text NOT NULL,
  start_month text NOT NULL CHECK (start_month ~ '^[0-9]{4}-[0-9]{2}$'),
  association text NOT NULL CHECK (association IN ('case','referral')),
  -- The Type the youth counts under in the period (one per youth among the case-associated ones).
  counted boolean NOT NULL,
  PRIMARY KEY (submission_id, line)
);

-- County Plans are entered, and submissions reviewed, through administration (harbor_reference).
-- A submission's figures and rows are made from the county's Types, which only harbor_aggregate
-- reads, so it writes them; neither role can read an identity column.
GRANT SELECT, INSERT, UPDATE ON county_plan_figures, state_submissions TO harbor_reference;
GRANT SELECT ON state_submission_rows TO harbor_reference;
GRANT SELECT ON county_plan_figures TO harbor_aggregate;
GRANT SELECT, INSERT, UPDATE ON state_submissions TO harbor_aggregate;
GRANT SELECT, INSERT, DELETE ON state_submission_rows TO harbor_aggregate;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['county_plan_figures','state_submissions','state_submission_rows']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY county_isolation ON %I TO harbor_app, harbor_aggregate, harbor_reference
                      USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id))', t);
    EXECUTE format('CREATE POLICY owner_system_access ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

-- Each county's secret for hashing client ids. No application role may read it: only the
-- function below, which runs as the owner.
CREATE TABLE county_submission_secrets (
  county_id uuid PRIMARY KEY REFERENCES counties(id),
  secret text NOT NULL CHECK (char_length(secret) >= 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON county_submission_secrets FROM PUBLIC;
ALTER TABLE county_submission_secrets ENABLE ROW LEVEL SECURITY;
ALTER TABLE county_submission_secrets FORCE ROW LEVEL SECURITY;
CREATE POLICY no_application_access ON county_submission_secrets TO harbor_app, harbor_aggregate, harbor_reference
  USING (false) WITH CHECK (false);
CREATE POLICY owner_system_access ON county_submission_secrets TO CURRENT_USER USING (true) WITH CHECK (true);

-- The de-identified rows of a county's Types starting in from..to: the only way an application
-- role reaches a date of birth or a state id for the state submission, and it returns neither.
-- The caller's county wall applies (harbor_county_visible), so a county sees its own rows only.
-- Client id: the youth's cws_cms identifier, or Harbor's id when the youth has none.
CREATE FUNCTION harbor_submission_rows(p_county uuid, p_from date, p_to date)
  RETURNS TABLE (client_hash text, age_at_start integer, csec_type text, start_month text,
                 association text, counted boolean)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE k text;
BEGIN
  IF NOT harbor_county_visible(p_county) THEN
    RAISE EXCEPTION 'county not visible' USING ERRCODE = '42501';
  END IF;
  INSERT INTO county_submission_secrets (county_id, secret)
    VALUES (p_county, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))
    ON CONFLICT (county_id) DO NOTHING;
  SELECT s.secret INTO k FROM county_submission_secrets s WHERE s.county_id = p_county;
  RETURN QUERY
  WITH t AS (
    SELECT r.youth_id, r.type, r.start_date, (r.referral_id IS NOT NULL) AS on_referral,
           row_number() OVER (PARTITION BY r.youth_id, (r.referral_id IS NOT NULL)
                              ORDER BY csec_type_rank(r.type), r.start_date) AS pick
      FROM csec_type_records r
     WHERE r.county_id = p_county AND r.start_date BETWEEN p_from AND p_to
  )
  SELECT encode(sha256(convert_to(k || ':' || coalesce(
           (SELECT i.value FROM youth_identifiers i WHERE i.youth_id = t.youth_id AND i.system = 'cws_cms' LIMIT 1),
           t.youth_id::text), 'UTF8')), 'hex'),
         CASE WHEN y.date_of_birth IS NULL THEN NULL
              ELSE extract(year FROM age(t.start_date, y.date_of_birth))::integer END,
         t.type, to_char(t.start_date, 'YYYY-MM'),
         CASE WHEN t.on_referral THEN 'referral' ELSE 'case' END,
         (NOT t.on_referral AND t.pick = 1)
    FROM t JOIN youth y ON y.id = t.youth_id
   ORDER BY 1, t.start_date, t.type;
END $$;
REVOKE ALL ON FUNCTION harbor_submission_rows(uuid, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION harbor_submission_rows(uuid, date, date) TO harbor_aggregate;
