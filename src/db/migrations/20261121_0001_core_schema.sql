-- Core schema: counties, organizations, users, sessions, youth and their system links.
-- Runs unchanged on embedded PGlite and on a PostgreSQL server (15+).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE; an IMMUTABLE wrapper with a fixed dictionary lets us index it.
CREATE OR REPLACE FUNCTION harbor_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

CREATE TABLE counties (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE service_planning_areas (
  county_id uuid NOT NULL REFERENCES counties(id),
  number integer NOT NULL CHECK (number BETWEEN 1 AND 99),
  name text NOT NULL,
  PRIMARY KEY (county_id, number)
);

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('child_welfare','probation','law_enforcement','mental_health',
    'public_health','health_services','juvenile_court','district_attorney','public_defender',
    'childs_attorney','education','advocacy_cbo','placement_provider')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (county_id, name)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  email text NOT NULL,
  display_name text NOT NULL,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['caseworker','supervisor','advocate',
    'mdt_coordinator','county_analyst','county_admin','auditor','state_analyst']::text[]),
  supervisor_id uuid REFERENCES users(id),
  password_hash text,
  password_changed_at timestamptz,
  mfa_secret text,
  mfa_enabled boolean NOT NULL DEFAULT false,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (supervisor_id IS NULL OR supervisor_id <> id)
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_supervisor_idx ON users (supervisor_id);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  mfa_verified_at timestamptz,
  revoked_at timestamptz,
  client_ip text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed sign-ins by a key (a hash of the lower-cased email), whether or not the account exists,
-- so lockout behaves the same for real and made-up addresses.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  first_failure_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);

CREATE TABLE youth (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  legal_first_name text NOT NULL,
  legal_last_name text NOT NULL,
  preferred_name text,
  date_of_birth date NOT NULL,
  gender_identity text,
  pronouns text,
  sexual_orientation text,
  race_ethnicity text[] NOT NULL DEFAULT '{}',
  primary_language text,
  spa_number integer,
  phone text,
  email text,
  search_text text GENERATED ALWAYS AS (
    harbor_fold(legal_first_name || ' ' || legal_last_name || ' ' || coalesce(preferred_name, ''))
  ) STORED,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (county_id, spa_number) REFERENCES service_planning_areas(county_id, number)
);
CREATE INDEX youth_county_idx ON youth (county_id);
CREATE INDEX youth_search_trgm ON youth USING gin (search_text gin_trgm_ops);
CREATE INDEX youth_dob_idx ON youth (county_id, date_of_birth);

CREATE TABLE youth_aliases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id) ON DELETE CASCADE,
  county_id uuid NOT NULL REFERENCES counties(id),
  alias text NOT NULL,
  search_text text GENERATED ALWAYS AS (harbor_fold(alias)) STORED
);
CREATE INDEX youth_aliases_youth_idx ON youth_aliases (youth_id);
CREATE INDEX youth_aliases_trgm ON youth_aliases USING gin (search_text gin_trgm_ops);

CREATE TABLE youth_identifiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id) ON DELETE CASCADE,
  county_id uuid NOT NULL REFERENCES counties(id),
  system text NOT NULL CHECK (system IN ('cws_cms','probation','other')),
  value text NOT NULL,
  UNIQUE (county_id, system, value)
);
CREATE INDEX youth_identifiers_youth_idx ON youth_identifiers (youth_id);
CREATE INDEX youth_identifiers_value_idx ON youth_identifiers (county_id, lower(value));

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('child_welfare','probation')),
  external_id text,
  opened_on date NOT NULL,
  closed_on date,
  CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE INDEX cases_youth_idx ON cases (youth_id);
CREATE INDEX cases_org_open_idx ON cases (organization_id) WHERE closed_on IS NULL;
CREATE INDEX cases_external_idx ON cases (county_id, lower(external_id));

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  external_id text,
  received_at timestamptz NOT NULL,
  disposition text,
  disposition_at timestamptz,
  closed_at timestamptz,
  CHECK (disposition_at IS NULL OR disposition_at >= received_at)
);
CREATE INDEX referrals_youth_idx ON referrals (youth_id);
CREATE INDEX referrals_org_open_idx ON referrals (organization_id) WHERE closed_at IS NULL;
CREATE INDEX referrals_external_idx ON referrals (county_id, lower(external_id));

-- Which worker holds which youth, from when to when. The basis of "a worker sees youth assigned to them".
CREATE TABLE assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  user_id uuid NOT NULL REFERENCES users(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  role text NOT NULL CHECK (role IN ('primary','secondary','advocate','mdt')),
  starts_at timestamptz NOT NULL DEFAULT now(),
  ends_at timestamptz,
  CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX assignments_user_idx ON assignments (user_id, youth_id);
CREATE INDEX assignments_youth_idx ON assignments (youth_id);
CREATE INDEX assignments_org_idx ON assignments (organization_id, youth_id);
