-- The First Responder Protocol (seed 002, DOMAIN.md section 4): who found the youth, the hotline
-- call, which agencies were notified and when each arrived (against the on-scene target), the
-- advocate dispatched, where the youth went, and the health evaluation.

CREATE TABLE first_responder_encounters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  found_by_organization_id uuid NOT NULL REFERENCES organizations(id),
  found_by_name text NOT NULL,
  found_at timestamptz NOT NULL,
  location_type text NOT NULL CHECK (location_type IN ('street','motel','residence','business','online_meetup','transit','school','other')),
  spa_number integer,
  -- Only when needed; it can be where the youth was exploited or lives.
  street_address text,
  hotline_called_at timestamptz NOT NULL,
  hotline_reference text,
  advocate_organization_id uuid REFERENCES organizations(id),
  advocate_dispatched_at timestamptz,
  youth_went_to text,
  health_evaluation_at timestamptz,
  recorded_by uuid NOT NULL REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (hotline_called_at >= found_at - interval '1 day'),
  CHECK (health_evaluation_at IS NULL OR health_evaluation_at >= found_at)
);
CREATE INDEX first_responder_encounters_youth_idx ON first_responder_encounters (youth_id, found_at);

CREATE TABLE responder_arrivals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  encounter_id uuid NOT NULL REFERENCES first_responder_encounters(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  notified_at timestamptz NOT NULL,
  arrived_at timestamptz,
  CHECK (arrived_at IS NULL OR arrived_at >= notified_at),
  UNIQUE (encounter_id, organization_id)
);

GRANT SELECT, INSERT, UPDATE ON first_responder_encounters, responder_arrivals TO harbor_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['first_responder_encounters','responder_arrivals']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY county_isolation ON %I TO harbor_app
                      USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id))', t);
  END LOOP;
END $$;
