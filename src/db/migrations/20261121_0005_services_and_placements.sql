-- Services, placements and the resource directory (issue 4): the service catalog, providers
-- with their history, the county's CSEC contact list, and each youth's service and placement
-- episodes. docs/RECORDS.md says what every field means for the outcome research.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A provider organization's own administrators keep its directory entries current.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_roles_check;
ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['caseworker','supervisor',
  'advocate','mdt_coordinator','county_analyst','county_admin','auditor','state_analyst','org_admin']::text[]);

-- Services, seeded from seed 004; county_id NULL for the shared list, a county adds its own.
CREATE TABLE service_catalog (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid REFERENCES counties(id),
  key text NOT NULL CHECK (key ~ '^[a-z0-9_]+$'),
  name jsonb NOT NULL,
  -- The field category of an episode of this service (mental health services are mental health data).
  category text NOT NULL CHECK (category IN ('identity','health','mental_health','substance_use','court','education','exploitation')),
  retired_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX service_catalog_key ON service_catalog (coalesce(county_id, '00000000-0000-0000-0000-000000000000'::uuid), key);

CREATE TABLE providers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  -- The organization that runs it, when it is one (its org_admins may edit the entry).
  organization_id uuid REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('organization','resource_family','independent')),
  name text NOT NULL,
  description text,
  services text[] NOT NULL DEFAULT '{}',
  placement_types text[] NOT NULL DEFAULT '{}',
  beds integer CHECK (beds IS NULL OR beds >= 0),
  vacancies integer CHECK (vacancies IS NULL OR vacancies >= 0),
  vacancies_confirmed_at timestamptz,
  csec_trainings jsonb NOT NULL DEFAULT '[]'::jsonb,
  age_min integer CHECK (age_min IS NULL OR age_min BETWEEN 0 AND 30),
  age_max integer CHECK (age_max IS NULL OR age_max BETWEEN 0 AND 30),
  genders text[] NOT NULL DEFAULT '{}',
  lgbtq_affirming boolean NOT NULL DEFAULT false,
  serves_parenting_youth boolean NOT NULL DEFAULT false,
  serves_boys boolean NOT NULL DEFAULT false,
  languages text[] NOT NULL DEFAULT '{}',
  spas integer[] NOT NULL DEFAULT '{}',
  counties_served text[] NOT NULL DEFAULT '{}',
  phone text,
  email text,
  website text,
  -- A resource family's home is a placement address: never public, see placement_location.
  address text,
  hours text,
  crisis_24_7 boolean NOT NULL DEFAULT false,
  external_ref text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  search_text text GENERATED ALWAYS AS (harbor_fold(name || ' ' || coalesce(description, ''))) STORED,
  CHECK (vacancies IS NULL OR beds IS NULL OR vacancies <= beds),
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);
CREATE UNIQUE INDEX providers_external_ref ON providers (county_id, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX providers_search_trgm ON providers USING gin (search_text gin_trgm_ops);
CREATE INDEX providers_services_idx ON providers USING gin (services);

CREATE TABLE provider_history (
  id bigserial PRIMARY KEY,
  provider_id uuid NOT NULL REFERENCES providers(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  version integer NOT NULL,
  snapshot jsonb NOT NULL,
  changed_by uuid REFERENCES users(id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL DEFAULT 'edit' CHECK (source IN ('edit','import','seed'))
);
CREATE INDEX provider_history_provider_idx ON provider_history (provider_id, version);

-- The county's CSEC contact list: the person to call in each agency (seed 001).
CREATE TABLE county_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  name text NOT NULL,
  title text,
  phone text,
  email text,
  notes text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE service_episodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  service_key text NOT NULL,
  provider_id uuid REFERENCES providers(id),
  referred_by uuid NOT NULL REFERENCES users(id),
  referred_by_organization_id uuid NOT NULL REFERENCES organizations(id),
  referred_at timestamptz NOT NULL,
  started_at timestamptz,
  ended_at timestamptz,
  status text NOT NULL CHECK (status IN ('referred','declined','waiting','active','completed','dropped')),
  end_reason text,
  funding_source text,
  notes text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (started_at IS NULL OR started_at >= referred_at),
  CHECK (ended_at IS NULL OR (started_at IS NOT NULL AND ended_at >= started_at)),
  CHECK (status NOT IN ('completed','dropped') OR ended_at IS NOT NULL),
  CHECK (status <> 'active' OR started_at IS NOT NULL)
);
CREATE INDEX service_episodes_youth_idx ON service_episodes (youth_id, referred_at);
CREATE INDEX service_episodes_provider_idx ON service_episodes (provider_id);

CREATE TABLE placement_episodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  placement_type text NOT NULL CHECK (placement_type IN ('home_of_parent','relative','nrefm','resource_family',
    'ffa_home','strtp','emergency_shelter','receiving_center','transitional_housing','sila','juvenile_hall','camp',
    'dorothy_kirby','hospital','other')),
  provider_id uuid REFERENCES providers(id),
  start_at timestamptz NOT NULL,
  end_at timestamptz,
  change_reason text,
  csec_trained boolean,
  -- The youth's placement address: the most restricted field (placement_location).
  address text,
  recorded_by uuid NOT NULL REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_at IS NULL OR end_at > start_at),
  -- One place at a time: the database refuses overlapping placements even under a race.
  CONSTRAINT placement_episodes_no_overlap EXCLUDE USING gist (
    youth_id WITH =, tstzrange(start_at, coalesce(end_at, 'infinity'::timestamptz), '[)') WITH &&)
);
CREATE INDEX placement_episodes_youth_idx ON placement_episodes (youth_id, start_at);

GRANT SELECT ON service_catalog TO harbor_app;
GRANT INSERT, UPDATE ON service_catalog TO harbor_app;
GRANT SELECT, INSERT, UPDATE ON providers, county_contacts, service_episodes, placement_episodes TO harbor_app;
GRANT DELETE ON county_contacts TO harbor_app;
GRANT SELECT, INSERT ON provider_history TO harbor_app;
GRANT USAGE ON SEQUENCE provider_history_id_seq TO harbor_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['providers','provider_history','county_contacts','service_episodes','placement_episodes']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY county_isolation ON %I TO harbor_app
                      USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id))', t);
  END LOOP;
  ALTER TABLE service_catalog ENABLE ROW LEVEL SECURITY;
  CREATE POLICY county_isolation ON service_catalog TO harbor_app
    USING (county_id IS NULL OR harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id));
END $$;
