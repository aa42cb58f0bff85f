-- Row-level security on every county table, and FORCED, so the owning role is bound by policies
-- too (test/api/row-security.test.ts checks both for every table with a county_id column).
--
-- Who is affected. Superusers bypass row-level security whatever FORCE says: PGlite's postgres
-- and a server deployment that connects as a superuser see no change at all. A NON-superuser
-- owner (a managed PostgreSQL's main user, say) is affected twice over, and without the policies
-- below `npm start` (prepareDatabase: the service catalog insert), the seed, the jobs and backup
-- would fail or silently see nothing:
--   1. No policy names the owner, so under FORCE it would see no rows at all.
--   2. 0003 grants harbor_app to the owner, and a policy TO harbor_app applies to its members, so
--      the county policies (permissive) and the notifications own_only policy (restrictive, so
--      AND-ed with everything) would apply to the owner's own system work.
-- So the owner gets an explicit, unrestricted policy on each table (system work: migrations,
-- shipped reference data, seeding, jobs, backup, the CLI; see systemRepo in
-- src/access/checkpoint.ts), and own_only exempts the owner by name. The application role
-- (SET ROLE harbor_app, every request) stays fenced by county exactly as before.

-- Service planning areas had no row-level security. harbor_app may only read them (0003);
-- its own county's areas are all a request needs (youth.spa_number is checked by foreign key,
-- which row-level security does not hide).
ALTER TABLE service_planning_areas ENABLE ROW LEVEL SECURITY;
CREATE POLICY county_isolation ON service_planning_areas TO harbor_app
  USING (harbor_county_visible(county_id));

-- Every table with a county_id column: enabled (a no-op where it already was), forced, and the
-- owner's system policy. The owner is the role running this migration (it creates the tables).
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'county_id' AND NOT a.attisdropped
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
            ORDER BY c.relname
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_system_access ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t);
  END LOOP;
  -- Restrictive policies bind every role they apply to, the owner (a member of harbor_app)
  -- included: the missed-obligation job inserts notifications for other people.
  EXECUTE format($p$ALTER POLICY own_only ON notifications
    USING (user_id::text = current_setting('harbor.user_id', true) OR current_user = %L)$p$, current_user);
END $$;
