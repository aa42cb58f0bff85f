-- Two more application roles, so that the walls inside a county rest on the database and not on
-- convention. Every request's work runs in a transaction that switches to one of three roles
-- (src/access/checkpoint.ts, ScopedRepo.scopedAs), chosen by the route's policy
-- (src/access/contexts.ts):
--
--   harbor_app        youth routes, through the checkpoint (relation, grants, audit). Reads
--                     identities. Unchanged (0003 and the feature migrations).
--   harbor_aggregate  aggregate routes (figures). SELECT on what figures are made of, never an
--                     identity column: no youth name, alias, date of birth, phone, email,
--                     address or location, no identifier value or external case number. A query
--                     that names one fails with SQLSTATE 42501, which the error handler answers
--                     with 403; `SELECT count(*) FROM youth` still works.
--   harbor_reference  reference, admin and self routes (directory, settings, instruments,
--                     people, contracts, vetting, performance, notifications). Reads and writes
--                     county reference data; the same identity columns are refused.
--
-- Column-level grants do the refusing: a table that holds identities is granted column by
-- column, leaving the identity columns out; a table that is nothing but identity (youth_aliases)
-- is not granted at all. On a table granted column by column, a column added later is refused
-- until a migration grants it; a table added later is refused to both roles until one does.
--
-- Row-level security: every policy written TO harbor_app now names the two new roles as well,
-- so both are fenced by county exactly as harbor_app is (a policy applies only to the roles it
-- names: without this, row-level security would hide every row from them). State analysts'
-- aggregates set harbor.all_counties, as before. A migration that adds a county table must name
-- all three roles in its policies; test/api/database-roles.test.ts fails until it does.

DO $$ BEGIN
  CREATE ROLE harbor_aggregate NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
DO $$ BEGIN
  CREATE ROLE harbor_reference NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- The connecting (owner) role must be able to SET ROLE to both, as to harbor_app (0003).
-- Superusers already can: PGlite's postgres, and a server connecting as postgres.
DO $$ BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT harbor_aggregate TO %I', current_user);
    EXECUTE format('GRANT harbor_reference TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO harbor_aggregate, harbor_reference;

-- Both roles append audit events (the checkpoint audits aggregates and reference changes); neither
-- reads them (an audit event's details may hold a search, which may be a name).
GRANT INSERT ON audit_events TO harbor_aggregate, harbor_reference;
GRANT USAGE ON SEQUENCE audit_events_id_seq TO harbor_aggregate, harbor_reference;

-- Tables that hold identities, without their identity columns -------------------------------

-- youth: not legal_first_name, legal_last_name, preferred_name, date_of_birth, phone, email,
-- search_text (made of the names).
GRANT SELECT (id, county_id, gender_identity, pronouns, sexual_orientation, race_ethnicity, primary_language,
              spa_number, entry_pathway, dual_status, version, created_at, updated_at)
  ON youth TO harbor_aggregate, harbor_reference;
-- youth_aliases: all identity; no grant.
-- youth_identifiers: not value.
GRANT SELECT (id, youth_id, county_id, system) ON youth_identifiers TO harbor_aggregate;
-- cases and referrals: not external_id (the case or referral number in the state system).
GRANT SELECT (id, youth_id, county_id, organization_id, kind, opened_on, closed_on) ON cases TO harbor_aggregate;
GRANT SELECT (id, youth_id, county_id, organization_id, received_at, disposition, disposition_at, closed_at,
              allegations, special_project_codes, recorded_by)
  ON referrals TO harbor_aggregate;
-- placement_episodes: not address (placement_location).
GRANT SELECT (id, youth_id, county_id, placement_type, provider_id, start_at, end_at, change_reason, csec_trained,
              recorded_by, version, created_at)
  ON placement_episodes TO harbor_aggregate;
-- first_responder_encounters: not street_address (where the youth was found).
GRANT SELECT (id, youth_id, county_id, found_by_organization_id, found_by_name, found_at, location_type, spa_number,
              hotline_called_at, hotline_reference, advocate_organization_id, advocate_dispatched_at, youth_went_to,
              health_evaluation_at, recorded_by, version, created_at)
  ON first_responder_encounters TO harbor_aggregate;
-- missing_episodes: not discovered_by_name (a caregiver, a relative, a friend).
GRANT SELECT (id, youth_id, county_id, placement_episode_id, last_seen_at, last_seen_place, discovered_at,
              discovered_by_role, risk_factors, circumstances, status, located_at, located_note, returned_at,
              returned_to, returned_note, closed_at, reported_by, version, created_at, updated_at)
  ON missing_episodes TO harbor_aggregate;
-- mdt_attendees: not name (attendees who are not Harbor users: a parent, a caregiver).
GRANT SELECT (id, meeting_id, county_id, user_id, organization_id, organization_type, role, present)
  ON mdt_attendees TO harbor_aggregate;
-- providers: figures get no contact details or address (a resource family's address is a
-- placement address). The directory (harbor_reference) reads and edits whole entries;
-- src/features/directory/view.ts decides who sees a resource family's address.
GRANT SELECT (id, county_id, organization_id, kind, name, services, placement_types, beds, vacancies,
              vacancies_confirmed_at, age_min, age_max, genders, lgbtq_affirming, serves_parenting_youth, serves_boys,
              languages, spas, counties_served, crisis_24_7, active, version, created_at, updated_at)
  ON providers TO harbor_aggregate;
-- users (staff): as harbor_app (0003), never password hashes or MFA secrets; figures do not need
-- staff email addresses either.
GRANT SELECT (id, county_id, organization_id, display_name, roles, supervisor_id, disabled_at)
  ON users TO harbor_aggregate;
GRANT SELECT (id, county_id, organization_id, email, display_name, roles, supervisor_id, disabled_at)
  ON users TO harbor_reference;

-- harbor_aggregate: the rest of what figures are made of ------------------------------------
GRANT SELECT ON counties, service_planning_areas, organizations, assignments, county_settings,
  instruments, instrument_versions, screenings, csec_type_records, obligations, service_catalog,
  service_episodes, mdt_members, mdt_meetings, mdt_action_items, responder_arrivals,
  advocacy_contracts, advocate_clearances, advocate_trainings, advocate_approvals, advocacy_referrals,
  advocacy_referral_events, advocacy_milestones, performance_issues, performance_flags,
  missing_search_efforts, missing_debriefs
  TO harbor_aggregate;
-- Not granted to harbor_aggregate at all: youth_aliases, safety_plans, notifications,
-- email_outbox, sessions, login_throttle, audit_chain, county_settings_history,
-- provider_history, county_contacts; audit_events for INSERT only.

-- harbor_reference: county reference data, read and (for admin routes) written -------------
GRANT SELECT ON counties, service_planning_areas, organizations, instruments, instrument_versions
  TO harbor_reference;
GRANT SELECT, INSERT, UPDATE ON county_settings TO harbor_reference;
GRANT SELECT, INSERT ON county_settings_history TO harbor_reference;
GRANT USAGE ON SEQUENCE county_settings_history_id_seq TO harbor_reference;
GRANT SELECT, INSERT, UPDATE ON service_catalog, providers TO harbor_reference;
GRANT SELECT, INSERT ON provider_history TO harbor_reference;
GRANT USAGE ON SEQUENCE provider_history_id_seq TO harbor_reference;
GRANT SELECT, INSERT, UPDATE, DELETE ON county_contacts TO harbor_reference;
-- Advocacy administration: contracts, vetting, performance issues and the flags they come from.
GRANT SELECT, INSERT, UPDATE ON advocacy_contracts, advocate_clearances, advocate_trainings, advocate_approvals,
  performance_issues, performance_flags TO harbor_reference;
-- The county's view of CBO inboxes and the flags read referrals and deadlines (no identities:
-- the youth's name is a youth column, refused above).
GRANT SELECT ON advocacy_referrals, advocacy_referral_events, advocacy_milestones, obligations TO harbor_reference;
-- The user's own notifications (own_only below keeps them to the user's own).
GRANT SELECT ON notifications TO harbor_reference;
GRANT UPDATE (read_at) ON notifications TO harbor_reference;

-- Row-level security: every policy that applies to harbor_app applies to the new roles too ---
DO $$
DECLARE
  p record;
  roles text;
BEGIN
  FOR p IN SELECT schemaname, tablename, policyname, pol.roles
             FROM pg_policies pol
            WHERE schemaname = 'public' AND 'harbor_app' = ANY (pol.roles)
  LOOP
    SELECT string_agg(quote_ident(r), ', ' ORDER BY r) INTO roles
      FROM (SELECT DISTINCT unnest(p.roles::text[] || ARRAY['harbor_aggregate', 'harbor_reference']) AS r) x;
    EXECUTE format('ALTER POLICY %I ON %I.%I TO %s', p.policyname, p.schemaname, p.tablename, roles);
  END LOOP;
END $$;

-- Service planning areas get row-level security in a later migration (0013), with a policy for
-- harbor_app; this one is for the new roles, and lies dormant until row-level security is on.
CREATE POLICY county_isolation_scoped_roles ON service_planning_areas TO harbor_aggregate, harbor_reference
  USING (harbor_county_visible(county_id));
