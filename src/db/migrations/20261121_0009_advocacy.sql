-- Advocacy by contracted community-based organizations (issue 6; seed 000, DOMAIN.md sections 1
-- and 7): contracts, advocate vetting, referrals of youth to a CBO with their lifecycle and
-- milestones, performance issues and the candidate issues Harbor flags. The rules (states,
-- vetting, "recovered and connected") are in src/domain/advocacy.ts.

CREATE TABLE advocacy_contracts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  contracting_organization_id uuid NOT NULL REFERENCES organizations(id),
  reference text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  funding_source text NOT NULL,
  services text[] NOT NULL CHECK (cardinality(services) > 0 AND services <@ ARRAY['crisis_response',
    'assessment_and_referral','stabilization_and_engagement','testimony_support','linkage_to_services']::text[]),
  capacity integer NOT NULL CHECK (capacity > 0),
  first_contact_hours integer NOT NULL DEFAULT 24 CHECK (first_contact_hours BETWEEN 1 AND 720),
  response_terms text,
  document_refs text[] NOT NULL DEFAULT '{}',
  terminated_on date,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_on >= starts_on),
  CHECK (terminated_on IS NULL OR terminated_on >= starts_on)
);
CREATE INDEX advocacy_contracts_org_idx ON advocacy_contracts (organization_id, starts_on);

-- Advocate vetting: clearances, trainings and the contracting department's approval.
CREATE TABLE advocate_clearances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('background','security')),
  cleared_on date NOT NULL,
  expires_on date,
  recorded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (expires_on IS NULL OR expires_on >= cleared_on)
);
CREATE INDEX advocate_clearances_user_idx ON advocate_clearances (user_id);

CREATE TABLE advocate_trainings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  user_id uuid NOT NULL REFERENCES users(id),
  training_key text NOT NULL,
  completed_on date NOT NULL,
  expires_on date,
  recorded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (expires_on IS NULL OR expires_on >= completed_on)
);
CREATE INDEX advocate_trainings_user_idx ON advocate_trainings (user_id);

CREATE TABLE advocate_approvals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  user_id uuid NOT NULL REFERENCES users(id),
  contracting_organization_id uuid NOT NULL REFERENCES organizations(id),
  approved_by uuid NOT NULL REFERENCES users(id),
  approved_on date NOT NULL,
  approved_until date NOT NULL,
  revoked_on date,
  revoke_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (approved_until >= approved_on),
  CHECK (revoked_on IS NULL OR revoke_reason IS NOT NULL)
);
CREATE INDEX advocate_approvals_user_idx ON advocate_approvals (user_id);

-- A youth referred to a CBO for advocacy. The current state is on the row; every step is also
-- an event below (who, when), so the timeline is never rewritten.
CREATE TABLE advocacy_referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  youth_id uuid NOT NULL REFERENCES youth(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  contract_id uuid NOT NULL REFERENCES advocacy_contracts(id),
  referred_by uuid NOT NULL REFERENCES users(id),
  referred_by_organization_id uuid NOT NULL REFERENCES organizations(id),
  referred_at timestamptz NOT NULL,
  reason text NOT NULL,
  urgency text NOT NULL CHECK (urgency IN ('routine','urgent','emergency')),
  state text NOT NULL DEFAULT 'sent' CHECK (state IN ('sent','accepted','declined','advocate_assigned','first_contact','engaged','closed')),
  accepted_at timestamptz,
  declined_at timestamptz,
  decline_reason text CHECK (decline_reason IN ('at_capacity','outside_service_area','not_eligible','conflict_of_interest','youth_already_served','other')),
  advocate_user_id uuid REFERENCES users(id),
  advocate_assigned_at timestamptz,
  first_contact_at timestamptz,
  engaged_at timestamptz,
  closed_at timestamptz,
  close_reason text CHECK (close_reason IN ('goals_met','youth_declined_services','unable_to_reach','moved_away','transferred','withdrawn_by_referrer','aged_out','other')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (state <> 'declined' OR (declined_at IS NOT NULL AND decline_reason IS NOT NULL)),
  CHECK (state <> 'closed' OR (closed_at IS NOT NULL AND close_reason IS NOT NULL)),
  CHECK (state NOT IN ('advocate_assigned','first_contact','engaged') OR advocate_user_id IS NOT NULL),
  CHECK (first_contact_at IS NULL OR first_contact_at >= referred_at)
);
CREATE INDEX advocacy_referrals_youth_idx ON advocacy_referrals (youth_id);
CREATE INDEX advocacy_referrals_org_idx ON advocacy_referrals (organization_id, referred_at);
CREATE INDEX advocacy_referrals_advocate_open_idx ON advocacy_referrals (advocate_user_id)
  WHERE state IN ('advocate_assigned','first_contact','engaged');
CREATE INDEX advocacy_referrals_county_date_idx ON advocacy_referrals (county_id, referred_at);

CREATE TABLE advocacy_referral_events (
  id bigserial PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES advocacy_referrals(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  state text NOT NULL,
  at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX advocacy_referral_events_ref_idx ON advocacy_referral_events (referral_id, id);

CREATE TABLE advocacy_milestones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES advocacy_referrals(id),
  county_id uuid NOT NULL REFERENCES counties(id),
  youth_id uuid NOT NULL REFERENCES youth(id),
  kind text NOT NULL CHECK (kind IN ('crisis_response_given','assessment_done','stabilization_plan','testimony_support_given','linked_to_service')),
  at timestamptz NOT NULL,
  service_episode_id uuid REFERENCES service_episodes(id),
  note text,
  recorded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'linked_to_service' OR service_episode_id IS NOT NULL)
);
CREATE INDEX advocacy_milestones_referral_idx ON advocacy_milestones (referral_id);
CREATE INDEX advocacy_milestones_episode_idx ON advocacy_milestones (service_episode_id) WHERE service_episode_id IS NOT NULL;

CREATE TABLE performance_issues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  contract_id uuid REFERENCES advocacy_contracts(id),
  raised_on date NOT NULL,
  category text NOT NULL CHECK (category IN ('responsiveness','staffing_and_vetting','documentation','service_delivery','contract_compliance','other')),
  description text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('low','moderate','high','critical')),
  recommendation text NOT NULL,
  owner_user_id uuid REFERENCES users(id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','resolved')),
  resolution text,
  resolved_on date,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (status <> 'resolved' OR (resolution IS NOT NULL AND resolved_on IS NOT NULL))
);
CREATE INDEX performance_issues_org_idx ON performance_issues (organization_id, raised_on);

CREATE TABLE performance_flags (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('first_contact_missed','lapsed_vetting','capacity_decline')),
  subject_id uuid NOT NULL,
  observed_on date NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate','confirmed','dismissed')),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decision_note text,
  issue_id uuid REFERENCES performance_issues(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, subject_id),
  CHECK (status = 'candidate' OR decided_at IS NOT NULL)
);
CREATE INDEX performance_flags_org_idx ON performance_flags (organization_id, status);

GRANT SELECT, INSERT, UPDATE ON advocacy_contracts, advocate_clearances, advocate_trainings, advocate_approvals,
  advocacy_referrals, advocacy_milestones, performance_issues, performance_flags TO harbor_app;
GRANT SELECT, INSERT ON advocacy_referral_events TO harbor_app;
GRANT USAGE ON SEQUENCE advocacy_referral_events_id_seq TO harbor_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['advocacy_contracts','advocate_clearances','advocate_trainings','advocate_approvals',
    'advocacy_referrals','advocacy_referral_events','advocacy_milestones','performance_issues','performance_flags']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY county_isolation ON %I TO harbor_app
                      USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id))', t);
  END LOOP;
END $$;
