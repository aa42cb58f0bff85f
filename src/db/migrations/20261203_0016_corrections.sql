-- Corrections (issue 14): a mistake in a recorded MDT meeting, CSEC Type or hotline referral is
-- corrected in place, and the values it replaced are kept here with the reason, who and when, so
-- supervisors and auditors can see what a record said before. A discarded draft screening leaves
-- its last values here too (the draft row itself is deleted: it was never final).
CREATE TABLE record_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  youth_id uuid NOT NULL,
  record_kind text NOT NULL CHECK (record_kind IN ('mdt_meeting','csec_type','referral','screening')),
  record_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('corrected','discarded')),
  -- The record's version the earlier values belonged to (the correction made it version + 1).
  version integer NOT NULL,
  earlier jsonb NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) >= 3),
  corrected_by uuid NOT NULL REFERENCES users(id),
  corrected_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_corrections_youth_idx ON record_corrections (youth_id, record_kind, record_id, corrected_at);

ALTER TABLE record_corrections ENABLE ROW LEVEL SECURITY;
ALTER TABLE record_corrections FORCE ROW LEVEL SECURITY;
CREATE POLICY county_isolation ON record_corrections TO harbor_app
  USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id));
CREATE POLICY owner_system_access ON record_corrections TO CURRENT_USER USING (true) WITH CHECK (true);
-- Kept for good: the application adds and reads, never changes or removes an earlier version.
GRANT SELECT, INSERT ON record_corrections TO harbor_app;

-- Referrals get the optimistic version the other corrected records already have.
ALTER TABLE referrals ADD COLUMN version integer NOT NULL DEFAULT 1;

-- A draft screening may be discarded (deleted); final screenings are amended, never deleted.
GRANT DELETE ON screenings TO harbor_app;
CREATE OR REPLACE FUNCTION harbor_screening_delete_drafts_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' THEN
    RAISE EXCEPTION 'only a draft screening can be discarded' USING ERRCODE = 'check_violation';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER screenings_delete_drafts_only BEFORE DELETE ON screenings
  FOR EACH ROW EXECUTE FUNCTION harbor_screening_delete_drafts_only();
