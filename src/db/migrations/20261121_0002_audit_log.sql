-- The audit log: append-only and hash-chained, so a removed or altered row is detectable
-- (`harbor audit verify`).
--
-- One global chain would serialize every request that reads youth data on a single lock held
-- until commit. Instead events are spread over 16 chains ("shards", by database backend), each
-- with its own head row; verification walks every chain. See docs/ARCHITECTURE.md.

CREATE TABLE audit_chain (
  shard integer PRIMARY KEY,
  seq bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_chain (shard, seq, last_hash)
  SELECT s, 0, 'genesis' FROM generate_series(0, 15) AS s;

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  shard integer NOT NULL,
  shard_seq bigint NOT NULL,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  county_id uuid NOT NULL REFERENCES counties(id),
  actor_user_id uuid,
  actor_organization_id uuid,
  actor_roles text[] NOT NULL DEFAULT '{}',
  action text NOT NULL,
  outcome text NOT NULL DEFAULT 'allowed' CHECK (outcome IN ('allowed','denied')),
  youth_id uuid,
  record_ids text[] NOT NULL DEFAULT '{}',
  categories text[] NOT NULL DEFAULT '{}',
  request_id text,
  client_ip text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (shard, shard_seq)
);
CREATE INDEX audit_events_youth_idx ON audit_events (youth_id, at DESC) WHERE youth_id IS NOT NULL;
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, at DESC);

-- The canonical text an event's hash covers. jsonb's text form is deterministic (sorted keys).
CREATE OR REPLACE FUNCTION harbor_audit_payload(e audit_events) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'id', e.id, 'shard', e.shard, 'seq', e.shard_seq,
    'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'county', e.county_id, 'actor', e.actor_user_id, 'org', e.actor_organization_id,
    'roles', to_jsonb(e.actor_roles), 'action', e.action, 'outcome', e.outcome, 'youth', e.youth_id,
    'records', to_jsonb(e.record_ids), 'categories', to_jsonb(e.categories),
    'request', e.request_id, 'ip', e.client_ip, 'details', e.details
  )::text
$$;

CREATE OR REPLACE FUNCTION harbor_audit_hash(prev text, e audit_events) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev || '|' || harbor_audit_payload(e), 'UTF8')), 'hex')
$$;

-- Links each new event to the head of its chain. SECURITY DEFINER: the application role may
-- insert events but may not touch the chain heads directly.
CREATE OR REPLACE FUNCTION harbor_audit_link() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  head record;
BEGIN
  NEW.shard := pg_backend_pid() % 16;
  UPDATE audit_chain SET seq = seq + 1 WHERE shard = NEW.shard RETURNING seq, last_hash INTO head;
  NEW.shard_seq := head.seq;
  NEW.prev_hash := head.last_hash;
  NEW.at := clock_timestamp();
  NEW.hash := harbor_audit_hash(head.last_hash, NEW);
  UPDATE audit_chain SET last_hash = NEW.hash WHERE shard = NEW.shard;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_events_link BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION harbor_audit_link();

-- Append-only for everyone, the owner included (privileges alone do not bind the owner).
CREATE OR REPLACE FUNCTION harbor_audit_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION harbor_audit_immutable();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION harbor_audit_immutable();
