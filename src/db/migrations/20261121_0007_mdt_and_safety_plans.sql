-- Response (issue 5): a youth's multidisciplinary team (MDT) and its meetings, and safety plans.
-- Membership of a youth's MDT is a relation in the access checkpoint: members see the youth's
-- shared record for as long as they are on the team (src/access/relation.ts).

CREATE TABLE mdt_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  user_id uuid NOT NULL REFERENCES users(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  role_on_team text,
  joined_at timestamptz NOT NULL DEFAULT now(),
  left_at timestamptz,
  added_by uuid NOT NULL REFERENCES users(id),
  CHECK (left_at IS NULL OR left_at >= joined_at)
);
CREATE UNIQUE INDEX mdt_members_active ON mdt_members (youth_id, user_id) WHERE left_at IS NULL;
CREATE INDEX mdt_members_user_idx ON mdt_members (user_id) WHERE left_at IS NULL;

CREATE TABLE mdt_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  tier text NOT NULL CHECK (tier IN ('crisis','initial','ongoing')),
  scheduled_at timestamptz NOT NULL,
  held_at timestamptz,
  youth_participation text CHECK (youth_participation IN ('in_person','remote','not_present','declined')),
  caregiver_participation text CHECK (caregiver_participation IN ('in_person','remote','not_present','declined','none')),
  decisions text,
  missing_parties text[] NOT NULL DEFAULT '{}',
  created_by uuid NOT NULL REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mdt_meetings_youth_idx ON mdt_meetings (youth_id, scheduled_at);

CREATE TABLE mdt_attendees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES mdt_meetings(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  user_id uuid REFERENCES users(id),
  name text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  organization_type text NOT NULL,
  role text,
  present boolean NOT NULL
);
CREATE INDEX mdt_attendees_meeting_idx ON mdt_attendees (meeting_id);

CREATE TABLE mdt_action_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES mdt_meetings(id),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  description text NOT NULL,
  owner_user_id uuid NOT NULL REFERENCES users(id),
  due_at timestamptz NOT NULL,
  obligation_id uuid REFERENCES obligations(id)
);

-- Versioned safety plans written with the youth; a new version never overwrites an old one.
CREATE TABLE safety_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  youth_id uuid NOT NULL REFERENCES youth(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  version integer NOT NULL,
  warning_signs text NOT NULL,
  safe_people text NOT NULL,
  safe_places text NOT NULL,
  if_contacted text NOT NULL,
  reach_advocate text NOT NULL,
  written_with_youth boolean NOT NULL,
  reason text,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (youth_id, version)
);

GRANT SELECT, INSERT, UPDATE ON mdt_members, mdt_meetings, mdt_attendees, mdt_action_items TO harbor_app;
GRANT SELECT, INSERT ON safety_plans TO harbor_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['mdt_members','mdt_meetings','mdt_attendees','mdt_action_items','safety_plans']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY county_isolation ON %I TO harbor_app
                      USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id))', t);
  END LOOP;
END $$;
