-- Missing and runaway youth (issue 7; DOMAIN.md section 5: SB 794, P.L. 113-183, PC 11166,
-- WIC 16501.35): the episode from discovery to the documented return, the search efforts, and
-- the return debrief. The mandated reports are obligations (source_kind 'missing_episode').
-- All of it is exploitation-category data; the placement the youth left is referred to by id
-- only, so no view needs its address.

CREATE TABLE missing_episodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  -- The placement episode the youth was absent from (placement_episodes), when there was one.
  placement_episode_id uuid REFERENCES placement_episodes(id),
  last_seen_at timestamptz NOT NULL,
  last_seen_place text NOT NULL CHECK (last_seen_place IN ('placement','school','family_home','friend_home','street',
    'transit','motel','court_or_office','hospital','online','other')),
  discovered_at timestamptz NOT NULL,
  discovered_by_role text CHECK (discovered_by_role IN ('caregiver','placement_staff','caseworker','probation_officer',
    'school','law_enforcement','family','youth_peer','other')),
  discovered_by_name text,
  risk_factors text[] NOT NULL DEFAULT '{}',
  circumstances text,
  status text NOT NULL DEFAULT 'missing' CHECK (status IN ('missing','located','returned','closed')),
  located_at timestamptz,
  located_note text,
  returned_at timestamptz,
  returned_to text CHECK (returned_to IN ('same_placement','new_placement','family','shelter','hospital','detention','other')),
  returned_note text,
  closed_at timestamptz,
  reported_by uuid NOT NULL REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (discovered_at >= last_seen_at),
  CHECK (located_at IS NULL OR located_at >= last_seen_at),
  -- A youth cannot return before anyone knew they were gone.
  CHECK (returned_at IS NULL OR (returned_at >= discovered_at AND (located_at IS NULL OR returned_at >= located_at))),
  CHECK (status <> 'located' OR located_at IS NOT NULL),
  CHECK (status NOT IN ('returned','closed') OR (returned_at IS NOT NULL AND returned_to IS NOT NULL)),
  CHECK (status <> 'closed' OR closed_at IS NOT NULL)
);
-- One open episode per youth, even under a race: a second report is the same episode.
CREATE UNIQUE INDEX missing_episodes_one_open ON missing_episodes (youth_id) WHERE status IN ('missing','located');
CREATE INDEX missing_episodes_youth_idx ON missing_episodes (youth_id, discovered_at);
CREATE INDEX missing_episodes_county_open_idx ON missing_episodes (county_id, status);

CREATE TABLE missing_search_efforts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  episode_id uuid NOT NULL REFERENCES missing_episodes(id),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  kind text NOT NULL CHECK (kind IN ('family','friends','school','placement','social_media','law_enforcement','hospitals','shelters','other')),
  done_at timestamptz NOT NULL,
  done_by uuid NOT NULL REFERENCES users(id),
  note text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX missing_search_efforts_episode_idx ON missing_search_efforts (episode_id, done_at);

CREATE TABLE missing_debriefs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  episode_id uuid NOT NULL UNIQUE REFERENCES missing_episodes(id),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  leaving_factors text[] NOT NULL DEFAULT '{}',
  factors_note text,
  factors_addressed text,
  experiences text,
  exploited_while_absent text CHECK (exploited_while_absent IN ('yes','no','unknown')),
  screening_id uuid REFERENCES screenings(id),
  -- The "Victim While Absent from Placement" record this debrief created, once.
  csec_type_record_id uuid REFERENCES csec_type_records(id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','complete')),
  completed_at timestamptz,
  completed_by uuid REFERENCES users(id),
  recorded_by uuid NOT NULL REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- A complete debrief has every element the law names, the screening included.
  CHECK (status <> 'complete' OR (completed_at IS NOT NULL AND screening_id IS NOT NULL AND cardinality(leaving_factors) > 0
    AND factors_addressed IS NOT NULL AND experiences IS NOT NULL AND exploited_while_absent IS NOT NULL))
);

GRANT SELECT, INSERT, UPDATE ON missing_episodes, missing_search_efforts, missing_debriefs TO harbor_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['missing_episodes','missing_search_efforts','missing_debriefs']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY county_isolation ON %I TO harbor_app
                      USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id))', t);
  END LOOP;
END $$;
