-- The obligation engine (issue 5): the missed-obligation job records misses, people are told in
-- the app and by email (a link only, never a youth's name or details).

-- "missed" is now stored: the job sets status = 'missed' and missed_at when the due time has
-- passed. Meeting it afterwards makes it 'met' (late); missed_at stays as the record of the miss.
ALTER TABLE obligations
  ADD COLUMN missed_at timestamptz,
  -- One event may open the same kind several times, once per part: first responder contact opens
  -- "responders on scene" once per responding agency (the part is the agency's id). '' otherwise.
  ADD COLUMN source_part text NOT NULL DEFAULT '',
  ADD CONSTRAINT obligations_missed_has_time CHECK (status <> 'missed' OR missed_at IS NOT NULL);

DROP INDEX obligations_once_per_source;
CREATE UNIQUE INDEX obligations_once_per_source ON obligations (kind, source_id, source_part) WHERE source_id IS NOT NULL;
-- Worklists show open and missed duties; the job looks for open ones past due.
DROP INDEX obligations_owner_open_idx;
CREATE INDEX obligations_owner_open_idx ON obligations (owner_user_id, due_at) WHERE status IN ('open', 'missed');
CREATE INDEX obligations_open_due_idx ON obligations (due_at) WHERE status = 'open';

-- In-app notifications, one per person per missed obligation. Text is made when read, from the
-- obligation's kind: never a youth's name, only the youth id for the link.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('obligation_missed')),
  -- Why this person was told: they own it, they supervise the owner, or they administer the county.
  reason text NOT NULL CHECK (reason IN ('owner', 'supervisor', 'county_admin')),
  obligation_id uuid REFERENCES obligations(id),
  youth_id uuid REFERENCES youth(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
-- Telling someone twice about the same miss is impossible, whatever a job does.
CREATE UNIQUE INDEX notifications_once ON notifications (user_id, kind, obligation_id) WHERE obligation_id IS NOT NULL;

-- Emails waiting to be sent (and sent ones, for the record). Only jobs on the system connection
-- touch it: the application role has no grant at all.
CREATE TABLE email_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_id uuid NOT NULL REFERENCES counties(id),
  user_id uuid REFERENCES users(id),
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text,
  -- Set when the attempts ran out; the email is then never retried.
  gave_up_at timestamptz
);
CREATE INDEX email_outbox_pending_idx ON email_outbox (next_attempt_at) WHERE sent_at IS NULL AND gave_up_at IS NULL;

GRANT SELECT ON notifications TO harbor_app;
GRANT UPDATE (read_at) ON notifications TO harbor_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['notifications', 'email_outbox']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY county_isolation ON %I TO harbor_app
                      USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id))', t);
  END LOOP;
END $$;
-- A third wall for notifications: inside the county, a person sees only their own.
CREATE POLICY own_only ON notifications AS RESTRICTIVE TO harbor_app
  USING (user_id::text = current_setting('harbor.user_id', true));
