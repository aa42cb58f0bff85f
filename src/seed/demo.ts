// The fictional demo county, generated from a fixed seed so every run produces the same people.
// Nobody here is real: names are random combinations, ids are random digits.
import { Faker, base, en, en_US, es, es_MX } from '@faker-js/faker';
import type { Database, RawConnection } from '../db/client.js';
import { LOS_ANGELES, SAN_DIEGO } from '../domain/geography.js';
import type { Role } from '../domain/people.js';
import { hashPassword } from '../features/auth/passwords.js';
import { Builder } from './builder.js';
import { seedAdvocacy } from './demo-advocacy.js';
import { seedDataQuality } from './demo-data-quality.js';
import { seedDirectory } from './demo-directory.js';
import { seedIdentification } from './demo-identification.js';
import { seedMissing } from './demo-missing.js';
import { seedServicesAndPlacements } from './demo-services.js';
import { seedStateProgram } from './demo-state.js';

export const DEMO_PASSWORD = 'harbor-demo';
export const DEMO_SEED = 20_261_121;

export const DEMO_LOGINS: { email: string; name: string; what: string }[] = [
  { email: 'socialworker@la.demo', name: 'Dana Whitfield', what: 'LA child welfare caseworker' },
  {
    email: 'supervisor@la.demo',
    name: 'Marisol Ochoa',
    what: 'LA child welfare supervisor (supervises the caseworker)',
  },
  { email: 'probation@la.demo', name: 'Terrence Vail', what: 'LA probation officer' },
  { email: 'advocate@la.demo', name: 'Keiko Brandt', what: 'advocate at an LA advocacy organization' },
  { email: 'analyst@la.demo', name: 'Priya Lindqvist', what: 'LA county analyst (aggregates only)' },
  { email: 'admin@la.demo', name: 'Owen Castellanos', what: 'LA county administrator' },
  { email: 'auditor@la.demo', name: 'Ruth Abernathy', what: 'LA child welfare auditor' },
  { email: 'socialworker@sd.demo', name: 'Felipe Nakamura', what: 'San Diego child welfare caseworker' },
  {
    email: 'provider@la.demo',
    name: 'Nadia Ferreira',
    what: "administrator of an LA advocacy organization's directory entries",
  },
  {
    email: 'state@ca.demo',
    name: 'Harriet Okafor',
    what: "state CSEC Program analyst (every county's figures, never a name or a row)",
  },
];

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const [row] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM counties WHERE runs_harbor');
  return (row?.n ?? 0) === 0;
}

/** Seeds the demo in one transaction: all of it or none of it. */
export async function seedDemo(database: Database, opts: { youthPerCounty?: [number, number] } = {}) {
  if (process.env.NODE_ENV === 'production') {
    throw new Error(
      'Refusing to seed demo data: NODE_ENV is production. Demo data is fictional and must not mix with real records.',
    );
  }
  if (!(await isDatabaseEmpty(database))) {
    throw new Error(
      'Refusing to seed demo data: the database already has a county running Harbor. Use a fresh data folder or database.',
    );
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return database.pinned(async (conn) => {
    await conn.execScript('BEGIN');
    try {
      const summary = await seed(conn, passwordHash, opts.youthPerCounty ?? [240, 60]);
      await conn.execScript('COMMIT');
      return summary;
    } catch (err) {
      await conn.execScript('ROLLBACK');
      throw err;
    }
  });
}

async function seed(conn: RawConnection, passwordHash: string, [laYouth, sdYouth]: [number, number]) {
  const faker = new Faker({ locale: [es_MX, es, en_US, en, base], seed: DEMO_SEED });
  const b = new Builder(conn);
  const la = await b.county(LOS_ANGELES);
  const sd = await b.county(SAN_DIEGO);

  const laOrg = {
    dcfs: await b.organization(la, 'LA County Department of Children and Family Services', 'child_welfare'),
    probation: await b.organization(la, 'LA County Probation Department', 'probation'),
    police: await b.organization(la, "LA County Sheriff's Department", 'law_enforcement'),
    dmh: await b.organization(la, 'LA County Department of Mental Health', 'mental_health'),
    court: await b.organization(la, 'LA Juvenile Court', 'juvenile_court'),
    cbo1: await b.organization(la, 'Lighthouse Youth Advocates (fictional)', 'advocacy_cbo'),
    cbo2: await b.organization(la, 'Open Door Survivor Network (fictional)', 'advocacy_cbo'),
    cbo3: await b.organization(la, 'Riverbend Youth Collective (fictional)', 'advocacy_cbo'),
  };
  const sdOrg = {
    cws: await b.organization(sd, 'San Diego County Child Welfare Services', 'child_welfare'),
    probation: await b.organization(sd, 'San Diego County Probation Department', 'probation'),
    police: await b.organization(sd, "San Diego County Sheriff's Department", 'law_enforcement'),
    bhs: await b.organization(sd, 'San Diego County Behavioral Health Services', 'mental_health'),
    court: await b.organization(sd, 'San Diego Juvenile Court', 'juvenile_court'),
  };

  const login = (i: number) => DEMO_LOGINS[i]!;
  const user = (countyId: string, organizationId: string, i: number, roles: Role[], supervisorId?: string) =>
    b.user({
      countyId,
      organizationId,
      email: login(i).email,
      displayName: login(i).name,
      roles,
      supervisorId,
      passwordHash,
    });

  const supervisor = await user(la, laOrg.dcfs, 1, ['supervisor']);
  const socialworker = await user(la, laOrg.dcfs, 0, ['caseworker'], supervisor);
  const probationOfficer = await user(la, laOrg.probation, 2, ['caseworker']);
  const advocate = await user(la, laOrg.cbo1, 3, ['advocate']);
  const laAnalyst = await user(la, laOrg.dcfs, 4, ['county_analyst']);
  await user(la, laOrg.dcfs, 5, ['county_admin']);
  await user(la, laOrg.dcfs, 6, ['auditor']);
  const sdWorker = await user(sd, sdOrg.cws, 7, ['caseworker']);
  await user(la, laOrg.cbo1, 8, ['org_admin']);
  // The state's program staff work for a state agency; its office is in Sacramento County, which
  // does not run Harbor (docs/STATE-REPORT.md, "Who sees what").
  const [sacramento] = await conn.query<{ id: string }>(`SELECT id FROM counties WHERE code = 'sacramento'`);
  const cdss = await b.organization(
    sacramento!.id,
    'California Department of Social Services, CSEC Program (fictional staff)',
    'state_agency',
  );
  await user(sacramento!.id, cdss, 9, ['state_analyst']);

  // Colleagues without a password (they cannot sign in until an admin sets one).
  const colleague = async (
    countyId: string,
    organizationId: string,
    domain: string,
    roles: Role[],
    supervisorId?: string,
  ) => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    return b.user({
      countyId,
      organizationId,
      email: `${first}.${last}.${faker.string.numeric(3)}@${domain}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z0-9.@]/g, ''),
      displayName: `${first} ${last}`,
      roles,
      supervisorId,
    });
  };
  const laCaseworkers = [socialworker];
  for (let i = 0; i < 9; i++)
    laCaseworkers.push(await colleague(la, laOrg.dcfs, 'la.demo', ['caseworker'], supervisor));
  const laProbation = [probationOfficer];
  for (let i = 0; i < 4; i++) laProbation.push(await colleague(la, laOrg.probation, 'la.demo', ['caseworker']));
  const laAdvocates: { id: string; org: string }[] = [{ id: advocate, org: laOrg.cbo1 }];
  for (const org of [laOrg.cbo1, laOrg.cbo2, laOrg.cbo2, laOrg.cbo3, laOrg.cbo3]) {
    laAdvocates.push({ id: await colleague(la, org, 'la.demo', ['advocate']), org });
  }
  const sdCaseworkers = [sdWorker];
  for (let i = 0; i < 3; i++) sdCaseworkers.push(await colleague(sd, sdOrg.cws, 'sd.demo', ['caseworker']));

  const today = new Date('2026-11-01T12:00:00Z');
  const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
  const genders: [string, string][] = [
    ['Female', 'she/her'],
    ['Male', 'he/him'],
    ['Transgender female', 'she/her'],
    ['Nonbinary', 'they/them'],
  ];
  const races = [
    'Hispanic or Latino',
    'Black or African American',
    'White',
    'Asian',
    'American Indian or Alaska Native',
    'Native Hawaiian or Pacific Islander',
  ];
  // Most LA arrests were in SPAs 6 and 8 (seed 003); weight the fictional caseload the same way.
  const laSpaWeights = [1, 2, 2, 2, 1, 4, 2, 4];

  let youthCount = 0;
  const screened: Parameters<typeof seedIdentification>[2] = [];
  const histories: Parameters<typeof seedServicesAndPlacements>[2] = [];
  const makeYouth = async (countyId: string, index: number, spas: number[], place: 'la' | 'sd') => {
    const [gender, pronouns] = faker.helpers.weightedArrayElement([
      { weight: 70, value: genders[0]! },
      { weight: 20, value: genders[1]! },
      { weight: 5, value: genders[2]! },
      { weight: 5, value: genders[3]! },
    ]);
    const sex = gender === 'Male' ? 'male' : 'female';
    const first = faker.person.firstName(sex);
    const last = faker.person.lastName();
    const age = faker.number.int({ min: 11, max: 19 });
    const dob = dateOnly(faker.date.birthdate({ mode: 'age', min: age, max: age, refDate: today }));
    const cwsId = `${faker.string.numeric(4)}-${faker.string.numeric(4)}-${faker.string.numeric(4)}-${faker.string.numeric(7)}`;
    const hasProbation = faker.number.float() < 0.35;
    const hasChildWelfare = !hasProbation || faker.number.float() < 0.5; // dual status for some
    const probationNo = `PJ${faker.string.numeric(7)}`;
    const youthId = await b.youth({
      countyId,
      legalFirstName: first,
      legalLastName: last,
      preferredName: faker.number.float() < 0.15 ? faker.person.firstName() : null,
      dateOfBirth: dob,
      genderIdentity: gender,
      pronouns,
      raceEthnicity: [
        faker.helpers.weightedArrayElement(races.map((r, i) => ({ value: r, weight: [50, 25, 12, 8, 3, 2][i]! }))),
      ],
      primaryLanguage: faker.helpers.weightedArrayElement([
        { value: 'English', weight: 70 },
        { value: 'Spanish', weight: 25 },
        { value: 'Tagalog', weight: 3 },
        { value: 'Korean', weight: 2 },
      ]),
      spaNumber: faker.helpers.weightedArrayElement(
        spas.map((n, i) => ({ value: n, weight: place === 'la' ? laSpaWeights[i]! : 1 })),
      ),
      phone: faker.number.float() < 0.6 ? `(555) 01${faker.string.numeric(1)}-${faker.string.numeric(4)}` : null,
      aliases: faker.number.float() < 0.2 ? [faker.person.firstName(sex)] : [],
      identifiers: [
        ...(hasChildWelfare ? [{ system: 'cws_cms' as const, value: cwsId }] : []),
        ...(hasProbation ? [{ system: 'probation' as const, value: probationNo }] : []),
      ],
    });
    const opened = dateOnly(faker.date.between({ from: '2022-01-01', to: '2026-10-01' }));
    const orgs = place === 'la' ? { cw: laOrg.dcfs, prob: laOrg.probation } : { cw: sdOrg.cws, prob: sdOrg.probation };
    if (hasChildWelfare) {
      await b.case({
        youthId,
        countyId,
        organizationId: orgs.cw,
        kind: 'child_welfare',
        externalId: cwsId,
        openedOn: opened,
      });
      const workers = place === 'la' ? laCaseworkers : sdCaseworkers;
      // The named demo caseworkers hold the first youth of their county, so their caseload is never empty.
      const worker = index < 18 ? workers[0]! : faker.helpers.arrayElement(workers);
      await b.assignment({
        youthId,
        countyId,
        userId: worker,
        organizationId: orgs.cw,
        role: 'primary',
        startsAt: opened,
      });
      histories.push({ youthId, countyId, workerId: worker, organizationId: orgs.cw });
      if (place === 'la' && (index < 18 || index % 4 === 0)) {
        screened.push({ youthId, countyId, workerId: worker, organizationId: orgs.cw, childWelfare: true });
      }
    }
    if (hasProbation) {
      await b.case({
        youthId,
        countyId,
        organizationId: orgs.prob,
        kind: 'probation',
        externalId: probationNo,
        openedOn: opened,
      });
      if (place === 'la') {
        const officer = index < 40 && index % 3 === 0 ? probationOfficer : faker.helpers.arrayElement(laProbation);
        await b.assignment({
          youthId,
          countyId,
          userId: officer,
          organizationId: orgs.prob,
          role: hasChildWelfare ? 'secondary' : 'primary',
          startsAt: opened,
        });
      }
    }
    if (faker.number.float() < 0.3) {
      const received = faker.date.between({ from: '2023-01-01', to: '2026-10-15' });
      await b.referral({
        youthId,
        countyId,
        organizationId: orgs.cw,
        externalId: `R-${faker.string.numeric(8)}`,
        receivedAt: received.toISOString(),
        disposition: faker.helpers.arrayElement(['Substantiated', 'Inconclusive', 'Evaluated out', null]),
      });
    }
    if (place === 'la' && (index < 10 || faker.number.float() < 0.25)) {
      const adv = index < 10 ? laAdvocates[0]! : faker.helpers.arrayElement(laAdvocates);
      await b.assignment({ youthId, countyId, userId: adv.id, organizationId: adv.org, role: 'advocate' });
    }
    youthCount++;
  };
  for (let i = 0; i < laYouth; i++)
    await makeYouth(
      la,
      i,
      LOS_ANGELES.spas.map((s) => s.number),
      'la',
    );
  for (let i = 0; i < sdYouth; i++)
    await makeYouth(
      sd,
      i,
      SAN_DIEGO.spas.map((s) => s.number),
      'sd',
    );
  const now = new Date();
  const orgsOf = (countyId: string) =>
    conn.query<{ id: string; name: string; type: string }>(
      'SELECT id, name, type FROM organizations WHERE county_id = $1 ORDER BY name',
      [countyId],
    );
  await seedDirectory(
    conn,
    faker,
    { id: la, code: LOS_ANGELES.code, spaNumbers: LOS_ANGELES.spas.map((x) => x.number) },
    await orgsOf(la),
  );
  await seedDirectory(
    conn,
    faker,
    { id: sd, code: SAN_DIEGO.code, spaNumbers: SAN_DIEGO.spas.map((x) => x.number) },
    await orgsOf(sd),
  );
  const identification = await seedIdentification(conn, faker, screened, now);
  const services = await seedServicesAndPlacements(conn, faker, histories, now);
  const missing = await seedMissing(conn, faker, histories, now, socialworker);
  const advocacy = await seedAdvocacy(conn, faker, histories, now);
  const dataQuality = await seedDataQuality(conn, histories, la);
  const stateProgram = await seedStateProgram(conn, { la, sd }, laAnalyst, today);
  return {
    counties: 2,
    youth: youthCount,
    logins: DEMO_LOGINS.length,
    ...identification,
    ...services,
    ...missing,
    ...advocacy,
    ...dataQuality,
    ...stateProgram,
  };
}
