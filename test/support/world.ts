// A small hand-made world whose right answers are known: who holds which youth, who supervises
// whom, which county everyone is in. Every access test reads from it.
import type { Database } from '../../src/db/client.js';
import { LOS_ANGELES, SAN_DIEGO } from '../../src/domain/geography.js';
import type { Role } from '../../src/domain/people.js';
import { hashPassword } from '../../src/features/auth/passwords.js';
import { Builder } from '../../src/seed/builder.js';

export const PASSWORD = 'correct horse battery';

export type Who =
  | 'worker'
  | 'otherWorker'
  | 'supervisor'
  | 'director'
  | 'probation'
  | 'advocate'
  | 'otherAdvocate'
  | 'analyst'
  | 'admin'
  | 'auditor'
  | 'sdWorker'
  | 'sdSupervisor'
  | 'state';

export interface World {
  counties: { la: string; sd: string };
  orgs: Record<'dcfs' | 'probation' | 'cboA' | 'cboB' | 'sdCws', string>;
  users: Record<Who, { id: string; email: string }>;
  youth: {
    /** Held by worker (primary, DCFS case open) and by advocate (advocate assignment). */
    ana: string;
    /** Held by otherWorker only (DCFS case open). */
    bruno: string;
    /** Probation only, held by probation. */
    carla: string;
    /** San Diego, held by sdWorker. */
    diego: string;
    /** DCFS case closed, assignment ended: nobody relates to this youth any more. */
    elena: string;
  };
}

export async function buildWorld(database: Database): Promise<World> {
  const b = new Builder(database);
  const passwordHash = await hashPassword(PASSWORD);
  const la = await b.county(LOS_ANGELES);
  const sd = await b.county(SAN_DIEGO);
  const orgs = {
    dcfs: await b.organization(la, 'Test DCFS', 'child_welfare'),
    probation: await b.organization(la, 'Test Probation', 'probation'),
    cboA: await b.organization(la, 'Test Advocates A', 'advocacy_cbo'),
    cboB: await b.organization(la, 'Test Advocates B', 'advocacy_cbo'),
    sdCws: await b.organization(sd, 'Test SD CWS', 'child_welfare'),
  };
  const mk = async (who: Who, county: string, org: string, roles: Role[], supervisorId?: string) => {
    const email = `${who.toLowerCase()}@test.example`;
    const id = await b.user({
      countyId: county,
      organizationId: org,
      email,
      displayName: `Test ${who}`,
      roles,
      supervisorId,
      passwordHash,
    });
    return { id, email };
  };
  const director = await mk('director', la, orgs.dcfs, ['supervisor']);
  const supervisor = await mk('supervisor', la, orgs.dcfs, ['supervisor'], director.id);
  const worker = await mk('worker', la, orgs.dcfs, ['caseworker'], supervisor.id);
  const sdSupervisor = await mk('sdSupervisor', sd, orgs.sdCws, ['supervisor']);
  const users = {
    director,
    supervisor,
    worker,
    otherWorker: await mk('otherWorker', la, orgs.dcfs, ['caseworker']),
    probation: await mk('probation', la, orgs.probation, ['caseworker']),
    advocate: await mk('advocate', la, orgs.cboA, ['advocate']),
    otherAdvocate: await mk('otherAdvocate', la, orgs.cboB, ['advocate']),
    analyst: await mk('analyst', la, orgs.dcfs, ['county_analyst']),
    admin: await mk('admin', la, orgs.dcfs, ['county_admin']),
    auditor: await mk('auditor', la, orgs.dcfs, ['auditor']),
    sdWorker: await mk('sdWorker', sd, orgs.sdCws, ['caseworker'], sdSupervisor.id),
    sdSupervisor,
    state: await mk('state', la, orgs.dcfs, ['state_analyst']),
  };
  const ana = await b.youth({
    countyId: la,
    legalFirstName: 'Anaís',
    legalLastName: 'Quintero',
    preferredName: 'Ana',
    dateOfBirth: '2010-03-14',
    spaNumber: 6,
    phone: '+12135550101', // stored as the API stores phones: E.164
    aliases: ['Nani'],
    identifiers: [{ system: 'cws_cms', value: '1111-2222-3333-4444444' }],
  });
  await b.case({
    youthId: ana,
    countyId: la,
    organizationId: orgs.dcfs,
    kind: 'child_welfare',
    externalId: '1111-2222-3333-4444444',
    openedOn: '2025-01-02',
  });
  await b.assignment({ youthId: ana, countyId: la, userId: worker.id, organizationId: orgs.dcfs, role: 'primary' });
  await b.assignment({
    youthId: ana,
    countyId: la,
    userId: users.advocate.id,
    organizationId: orgs.cboA,
    role: 'advocate',
  });

  const bruno = await b.youth({
    countyId: la,
    legalFirstName: 'Bruno',
    legalLastName: 'Okafor',
    dateOfBirth: '2009-07-01',
    spaNumber: 8,
  });
  await b.case({
    youthId: bruno,
    countyId: la,
    organizationId: orgs.dcfs,
    kind: 'child_welfare',
    openedOn: '2024-05-05',
  });
  await b.assignment({
    youthId: bruno,
    countyId: la,
    userId: users.otherWorker.id,
    organizationId: orgs.dcfs,
    role: 'primary',
  });

  const carla = await b.youth({
    countyId: la,
    legalFirstName: 'Carla',
    legalLastName: 'Nguyen',
    dateOfBirth: '2008-11-30',
    identifiers: [{ system: 'probation', value: 'PJ7654321' }],
  });
  await b.case({
    youthId: carla,
    countyId: la,
    organizationId: orgs.probation,
    kind: 'probation',
    externalId: 'PJ7654321',
    openedOn: '2025-02-02',
  });
  await b.assignment({
    youthId: carla,
    countyId: la,
    userId: users.probation.id,
    organizationId: orgs.probation,
    role: 'primary',
  });

  const diego = await b.youth({
    countyId: sd,
    legalFirstName: 'Diego',
    legalLastName: 'Quintero',
    dateOfBirth: '2010-03-14',
    spaNumber: 2,
  });
  await b.case({
    youthId: diego,
    countyId: sd,
    organizationId: orgs.sdCws,
    kind: 'child_welfare',
    openedOn: '2025-03-03',
  });
  await b.assignment({
    youthId: diego,
    countyId: sd,
    userId: users.sdWorker.id,
    organizationId: orgs.sdCws,
    role: 'primary',
  });

  const elena = await b.youth({
    countyId: la,
    legalFirstName: 'Elena',
    legalLastName: 'Marsh',
    dateOfBirth: '2007-01-20',
  });
  await b.case({
    youthId: elena,
    countyId: la,
    organizationId: orgs.dcfs,
    kind: 'child_welfare',
    openedOn: '2020-01-01',
    closedOn: '2023-01-01',
  });
  await b.assignment({
    youthId: elena,
    countyId: la,
    userId: worker.id,
    organizationId: orgs.dcfs,
    role: 'primary',
    startsAt: '2020-01-01T00:00:00Z',
    endsAt: '2023-01-01T00:00:00Z',
  });

  return { counties: { la, sd }, orgs, users, youth: { ana, bruno, carla, diego, elena } };
}
