-- The second wall: PostgreSQL row-level security by county, enforced on a non-superuser role.
--
-- Every request that touches youth data runs in a transaction that switches to harbor_app and sets
-- harbor.county_id (see src/access/checkpoint.ts). Rows of another county are then invisible even
-- to a query that forgot its WHERE clause. State analysts set harbor.all_counties for aggregates.

DO $$ BEGIN
  CREATE ROLE harbor_app NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- The connecting (owner) role must be able to SET ROLE harbor_app; superusers already can.
DO $$ BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT harbor_app TO %I', current_user);
  END IF;
END $$;

CREATE OR REPLACE FUNCTION harbor_county_visible(row_county uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT row_county::text = current_setting('harbor.county_id', true)
      OR current_setting('harbor.all_counties', true) = 'on'
$$;

GRANT USAGE ON SCHEMA public TO harbor_app;
GRANT SELECT ON counties, service_planning_areas, organizations TO harbor_app;
-- Column grants: the application role can never read password hashes or MFA secrets.
GRANT SELECT (id, county_id, organization_id, email, display_name, roles, supervisor_id, disabled_at)
  ON users TO harbor_app;
GRANT SELECT, INSERT, UPDATE ON youth, youth_aliases, youth_identifiers, cases, referrals, assignments TO harbor_app;
GRANT DELETE ON youth_aliases, youth_identifiers TO harbor_app;
GRANT SELECT, INSERT ON audit_events TO harbor_app;
GRANT USAGE ON SEQUENCE audit_events_id_seq TO harbor_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organizations','users','youth','youth_aliases','youth_identifiers',
                           'cases','referrals','assignments','audit_events']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS county_isolation ON %I', t);
    EXECUTE format('CREATE POLICY county_isolation ON %I TO harbor_app
                      USING (harbor_county_visible(county_id)) WITH CHECK (harbor_county_visible(county_id))', t);
  END LOOP;
END $$;
