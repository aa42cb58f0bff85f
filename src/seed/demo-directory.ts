// The fictional demo directory of a county: about forty providers of every kind a CSEC team
// refers to (group homes, foster family agency homes, resource families, shelters, advocacy
// programs, therapists, clinics, vocational programs), and a CSEC contact in each organization.
// Every name says "(fictional)"; phone numbers are in the 555-01xx range set aside for fiction,
// addresses and web sites use example.org. Written through the directory's own write path, so
// each provider has its history (source 'seed') exactly like an edited one.
import type { Faker } from '@faker-js/faker';
import type { RawConnection } from '../db/client.js';
import { EMPTY_PROVIDER, normalizeProvider, validateProvider, type ProviderData } from '../domain/directory.js';
import { SERVICE_CATALOG } from '../domain/services.js';
import { execRaw, insertProvider, replaceProvider } from '../features/directory/store.js';

const AREA_CODES: Record<string, string[]> = {
  'los-angeles': ['213', '310', '323', '562', '626', '661', '818'],
  'san-diego': ['619', '760', '858'],
};
const CITIES: Record<string, string[]> = {
  'los-angeles': ['Los Angeles', 'Lancaster', 'Van Nuys', 'Pasadena', 'Inglewood', 'Compton', 'Whittier', 'Long Beach'],
  'san-diego': ['San Diego', 'El Cajon', 'Escondido', 'Oceanside', 'Chula Vista'],
};
const STREETS = [
  'Lantern Way',
  'Juniper Row',
  'Quarry Lane',
  'Marigold Court',
  'Harborlight Avenue',
  'Sycamore Bend',
  'Willowmere Road',
  'Copperfield Street',
];
const WORDS = [
  'Harborlight',
  'Bright Path',
  'Open Sky',
  'Willow',
  'North Star',
  'Cedar',
  'Safe Passage',
  'New Dawn',
  'Riverstone',
  'Beacon',
  'Hummingbird',
  'Evergreen',
  'Sunrise',
  'Compass',
  'Clearwater',
  'Mariposa',
  'Lantern',
  'Bluebird',
  'Golden Poppy',
  'Tidewater',
  'Sagebrush',
  'Morning Star',
  'Canyon Light',
  'Seabreeze',
  'Quiet Harbor',
  'Firefly',
  'Oak Hollow',
  'Stillwater',
];
const RESIDENTIAL = [
  'Youth Home',
  "Girls' Residential Program",
  'Treatment Center',
  'Residential Academy',
  "Boys' Ranch",
];
const CONTACT_TITLE: Record<string, string> = {
  child_welfare: 'CSEC Unit Supervisor',
  probation: 'CSEC Probation Liaison',
  law_enforcement: 'Human Trafficking Task Force Detective',
  mental_health: 'CSEC Clinical Coordinator',
  public_health: 'Public Health Nurse, CSEC Team',
  health_services: 'Forensic Exam Coordinator',
  juvenile_court: 'Specialized Court Coordinator',
  district_attorney: 'Deputy District Attorney, Human Trafficking Unit',
  public_defender: 'Deputy Public Defender, Youth Unit',
  childs_attorney: "Children's Attorney, CSEC Caseload",
  education: 'Foster Youth Education Liaison',
  advocacy_cbo: 'Advocacy Program Director',
  placement_provider: 'Intake Coordinator',
};

type Template = Partial<ProviderData> & Pick<ProviderData, 'kind' | 'name'>;

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(fictional\)/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export async function seedDirectory(
  conn: RawConnection,
  faker: Faker,
  county: { id: string; code: string; spaNumbers: number[] },
  organizations: { id: string; name: string; type: string }[],
): Promise<{ providers: number; contacts: number }> {
  const exec = execRaw(conn);
  const areaCodes = AREA_CODES[county.code] ?? ['209'];
  const cities = CITIES[county.code] ?? ['Countyville'];
  const phone = () =>
    `(${faker.helpers.arrayElement(areaCodes)}) 555-01${String(faker.number.int({ min: 0, max: 99 })).padStart(2, '0')}`;
  const address = () =>
    `${faker.number.int({ min: 100, max: 9999 })} ${faker.helpers.arrayElement(STREETS)}, ${faker.helpers.arrayElement(cities)}, CA`;
  const spas = (max = 3) =>
    faker.helpers.arrayElements(county.spaNumbers, { min: 1, max: Math.min(max, county.spaNumbers.length) });
  const chance = (p: number) => faker.datatype.boolean({ probability: p });
  const spanish = (p: number) => (chance(p) ? ['English', 'Spanish'] : ['English']);
  const trainingDate = () => faker.date.between({ from: '2023-01-01', to: '2025-10-31' }).toISOString().slice(0, 10);
  const trainings = (p: number) =>
    chance(p)
      ? faker.helpers
          .arrayElements(['csec_101', 'csec_102', 'county_protocol'], { min: 1, max: 3 })
          .map((training) => ({ training, completedOn: trainingDate() }))
      : [];
  const beds = (min: number, max: number) => {
    const b = faker.number.int({ min, max });
    return { beds: b, vacancies: chance(0.55) ? faker.number.int({ min: 1, max: Math.max(1, Math.min(3, b)) }) : 0 };
  };
  // Each name word once before any repeats.
  let pool: string[] = [];
  const word = () => {
    if (pool.length === 0) pool = faker.helpers.shuffle([...WORDS]);
    return pool.pop()!;
  };
  const web = (name: string) => ({
    email: `info@${slug(name)}.example.org`,
    website: `https://${slug(name)}.example.org`,
  });
  const organizationEntry = (name: string, rest: Partial<ProviderData>): Template => ({
    kind: 'organization',
    name: `${name} (fictional)`,
    ...web(name),
    phone: phone(),
    address: address(),
    countiesServed: [county.code],
    ...rest,
  });

  const templates: Template[] = [];
  // Short-term residential therapeutic programs (group homes).
  for (let i = 0; i < 5; i++) {
    const forBoys = i === 4;
    templates.push(
      organizationEntry(`${word()} ${RESIDENTIAL[i]}`, {
        description: 'Short-term residential therapeutic program with on-site therapy and school support.',
        services: [
          'mental_health',
          'trauma_informed_therapy',
          'education_support',
          ...(chance(0.6) ? ['csec_advocacy'] : []),
        ],
        placementTypes: ['strtp'],
        ...beds(6, 16),
        ageMin: 12,
        ageMax: 17,
        genders: forBoys
          ? ['male']
          : i === 1
            ? ['female', 'transgender']
            : faker.helpers.arrayElement([['female'], ['female', 'transgender'], ['female', 'male', 'nonbinary']]),
        servesBoys: forBoys,
        lgbtqAffirming: chance(0.5),
        languages: spanish(0.5),
        spas: spas(2),
        csecTrainings: trainings(0.7),
        hours: '24 hours',
        crisis247: chance(0.4),
      }),
    );
  }
  // Foster family agencies and their certified homes.
  for (let i = 0; i < 2; i++) {
    templates.push(
      organizationEntry(`${word()} Foster Family Agency`, {
        description: 'Foster family agency recruiting, training and supporting CSEC-trained resource parents.',
        services: ['case_management', 'mental_health'],
        placementTypes: ['ffa_home'],
        ...beds(8, 24),
        ageMin: 0,
        ageMax: 21,
        languages: spanish(0.6),
        spas: spas(3),
        csecTrainings: trainings(0.8),
        lgbtqAffirming: chance(0.5),
        servesParentingYouth: chance(0.4),
        hours: 'Mon-Fri 8am-6pm; on call after hours',
      }),
    );
  }
  // Resource families (county-approved and FFA-certified homes): their addresses are placement addresses.
  for (let i = 0; i < 10; i++) {
    const ffa = i < 4;
    const lastName = faker.person.lastName();
    templates.push({
      kind: 'resource_family',
      name: `${lastName} family ${ffa ? 'FFA home' : 'home'} (fictional)`,
      description: ffa ? 'Certified home of a foster family agency.' : 'County-approved resource family.',
      placementTypes: [ffa ? 'ffa_home' : 'resource_family'],
      ...beds(1, 3),
      ageMin: faker.helpers.arrayElement([0, 6, 10, 12]),
      ageMax: faker.helpers.arrayElement([17, 18, 21]),
      genders: faker.helpers.arrayElement([
        ['female'],
        ['male'],
        ['female', 'male'],
        ['female', 'transgender', 'nonbinary'],
      ]),
      lgbtqAffirming: chance(0.4),
      servesParentingYouth: chance(0.25),
      servesBoys: chance(0.3),
      languages: spanish(0.5),
      spas: spas(1),
      csecTrainings: trainings(0.6),
      phone: phone(),
      address: address(),
      countiesServed: [county.code],
    });
  }
  // Emergency shelters and transitional housing.
  for (let i = 0; i < 3; i++) {
    templates.push(
      organizationEntry(`${word()} Youth Emergency Shelter`, {
        description: 'Emergency beds any hour, with advocacy and a warm hand-off to longer-term placement.',
        services: ['crisis_response', 'case_management', 'csec_advocacy'],
        placementTypes: ['emergency_shelter'],
        ...beds(6, 12),
        ageMin: 11,
        ageMax: 17,
        genders: ['female', 'male', 'nonbinary', 'transgender'],
        lgbtqAffirming: chance(0.7),
        servesBoys: i === 0,
        languages: spanish(0.7),
        spas: spas(2),
        csecTrainings: trainings(0.7),
        hours: '24 hours',
        crisis247: true,
      }),
    );
  }
  templates.push(
    organizationEntry(`${word()} Youth Receiving Center`, {
      description: 'Receiving and assessment center: a safe place for up to 72 hours while a placement is found.',
      services: ['crisis_response', 'health_care', 'csec_advocacy'],
      placementTypes: ['receiving_center'],
      ...beds(6, 10),
      ageMin: 10,
      ageMax: 17,
      genders: ['female', 'male', 'nonbinary', 'transgender'],
      lgbtqAffirming: true,
      servesBoys: true,
      languages: ['English', 'Spanish'],
      spas: spas(1),
      csecTrainings: [{ training: 'county_protocol', completedOn: trainingDate() }],
      hours: '24 hours',
      crisis247: true,
    }),
  );
  for (let i = 0; i < 2; i++) {
    templates.push(
      organizationEntry(`${word()} Transitional Living`, {
        description: 'Supervised independent living and transitional housing for young adults.',
        services: ['independent_living', 'financial_literacy', 'case_management'],
        placementTypes: i === 0 ? ['transitional_housing'] : ['sila', 'transitional_housing'],
        ...beds(4, 20),
        ageMin: 16,
        ageMax: 24,
        servesParentingYouth: true,
        lgbtqAffirming: chance(0.6),
        languages: spanish(0.5),
        spas: spas(2),
        csecTrainings: trainings(0.5),
        hours: 'Staffed 24 hours',
      }),
    );
  }
  // Advocacy programs: one for each advocacy organization of the county (its org_admins keep it current), and two more.
  const cbos = organizations.filter((o) => o.type === 'advocacy_cbo');
  for (const org of cbos) {
    templates.push({
      ...organizationEntry(`${org.name.replace(/\s*\(fictional\)\s*$/, '')} Survivor Advocacy`, {
        description: 'Survivor-led specialized CSEC advocacy: 24/7 crisis response, court accompaniment and mentoring.',
        services: ['csec_advocacy', 'crisis_response', 'mentoring', 'case_management'],
        ageMin: 10,
        ageMax: 24,
        lgbtqAffirming: true,
        servesBoys: chance(0.5),
        servesParentingYouth: chance(0.5),
        languages: spanish(0.8),
        spas: spas(4),
        csecTrainings: [
          { training: 'csec_101', completedOn: trainingDate() },
          { training: 'csec_102', completedOn: trainingDate() },
        ],
        hours: 'Office Mon-Fri 9am-6pm; crisis line 24/7',
        crisis247: true,
      }),
      organizationId: org.id,
    });
  }
  for (let i = 0; i < 2; i++) {
    templates.push(
      organizationEntry(`${word()} Youth Drop-in Center`, {
        description: 'Drop-in center with meals, showers, advocacy, and referrals to services.',
        services: ['csec_advocacy', 'case_management', 'transportation', 'health_care'],
        ageMin: 12,
        ageMax: 24,
        lgbtqAffirming: chance(0.7),
        servesParentingYouth: chance(0.5),
        languages: chance(0.5)
          ? ['English', 'Spanish', faker.helpers.arrayElement(['Tagalog', 'Korean', 'Armenian', 'Vietnamese'])]
          : ['English'],
        spas: spas(2),
        csecTrainings: trainings(0.6),
        hours: 'Every day 10am-8pm',
      }),
    );
  }
  // Independent therapists.
  for (let i = 0; i < 5; i++) {
    const name = `${faker.person.firstName()} ${faker.person.lastName()}, ${faker.helpers.arrayElement(['LMFT', 'LCSW', 'PsyD', 'LPCC'])}`;
    templates.push({
      kind: 'independent',
      name: `${name} (fictional)`,
      description: 'Private practice: trauma-informed therapy for adolescents; accepts Medi-Cal.',
      services: faker.helpers.arrayElements(
        ['trauma_informed_therapy', 'dbt', 'art_therapy', 'mental_health', 'equine_therapy'],
        { min: 1, max: 3 },
      ),
      ageMin: 12,
      ageMax: 24,
      lgbtqAffirming: chance(0.5),
      servesBoys: chance(0.4),
      languages: spanish(0.4),
      spas: spas(2),
      csecTrainings: trainings(0.5),
      phone: `${phone()} x${faker.number.int({ min: 1, max: 9 })}`,
      email: `${ascii(name.split(',')[0]!)}@practice.example.org`,
      hours: 'By appointment, evenings available',
      countiesServed: [county.code],
    });
  }
  // Clinics, vocational programs and other services.
  for (let i = 0; i < 4; i++) {
    templates.push(
      organizationEntry(`${word()} ${i % 2 ? 'Teen Health Clinic' : 'Community Mental Health Clinic'}`, {
        description:
          i % 2
            ? 'Confidential adolescent health care, sexual assault exams and reproductive health.'
            : 'Outpatient mental health and substance use treatment for youth.',
        services: i % 2 ? ['health_care', 'tattoo_removal'] : ['mental_health', 'substance_use_treatment', 'dbt'],
        ageMin: 10,
        ageMax: 25,
        lgbtqAffirming: chance(0.6),
        servesParentingYouth: i % 2 === 1,
        languages: spanish(0.7),
        spas: spas(2),
        csecTrainings: trainings(0.5),
        hours: 'Mon-Sat 8am-7pm',
      }),
    );
  }
  for (let i = 0; i < 3; i++) {
    templates.push(
      organizationEntry(`${word()} ${['Works', 'Career Academy', 'Futures'][i]}`, {
        description: 'Paid internships, job coaching and subsidized employment for young people.',
        services: ['vocational_training', 'financial_literacy', ...(i === 0 ? ['independent_living'] : [])],
        ageMin: 16,
        ageMax: 24,
        servesBoys: chance(0.5),
        servesParentingYouth: chance(0.5),
        languages: spanish(0.5),
        spas: spas(3),
        hours: 'Mon-Fri 9am-5pm',
      }),
    );
  }
  templates.push(
    organizationEntry(`${word()} Youth Law Center`, {
      description: 'Free legal help: vacatur and record sealing, immigration relief, victim restitution.',
      services: ['legal_services'],
      ageMin: 12,
      ageMax: 25,
      languages: ['English', 'Spanish'],
      spas: spas(4),
      csecTrainings: trainings(0.8),
      hours: 'Mon-Fri 9am-5pm',
    }),
    organizationEntry(`${word()} Camps and Mentoring`, {
      description: 'Weekend retreats, summer camp and one-to-one mentoring with survivor mentors.',
      services: ['camps_retreats', 'mentoring', 'horticulture_therapy'],
      ageMin: 11,
      ageMax: 18,
      lgbtqAffirming: true,
      servesBoys: true,
      languages: spanish(0.5),
      spas: spas(3),
      hours: 'Weekends',
    }),
  );

  const ctx = {
    serviceKeys: new Set(SERVICE_CATALOG.map((s) => s.key)),
    spaNumbers: county.spaNumbers,
    organizationIds: new Set(organizations.map((o) => o.id)),
    today: '9999-12-31',
  };
  let n = 0;
  for (const t of templates) {
    n++;
    const data: ProviderData = { ...EMPTY_PROVIDER, ...t, externalRef: `DEMO-${String(n).padStart(3, '0')}` };
    const problems = validateProvider(normalizeProvider(data), ctx);
    if (problems.length)
      throw new Error(
        `demo directory entry ${data.name}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      );
    // Some vacancy counts were confirmed today, some weeks ago (shown as needing confirmation).
    const confirmed = data.vacancies === null ? false : chance(0.7) ? new Date() : faker.date.recent({ days: 40 });
    const row = await insertProvider(exec, county.id, data, {
      userId: null,
      source: 'seed',
      confirmVacancies: confirmed,
    });
    // A few have a second version, as when a provider reports a vacancy change.
    if (data.beds !== null && data.vacancies !== null && chance(0.25)) {
      const vacancies = faker.number.int({ min: 0, max: data.beds });
      await replaceProvider(
        exec,
        row,
        { ...data, vacancies },
        { userId: null, source: 'seed', confirmVacancies: new Date() },
      );
    }
  }

  let contacts = 0;
  for (const org of organizations) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const domain = `${slug(org.name)}.example.org`;
    await conn.query(
      `INSERT INTO county_contacts (county_id, organization_id, name, title, phone, email, notes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        county.id,
        org.id,
        `${first} ${last}`,
        CONTACT_TITLE[org.type] ?? 'CSEC Liaison',
        phone(),
        `${ascii(first)}.${ascii(last)}@${domain}`,
        faker.helpers.arrayElement([
          'Call for MDT scheduling and CSEC consultation.',
          'After hours, use the county CSEC hotline; this line is staffed business hours.',
          'Back-up: the unit supervisor on duty.',
          null,
        ]),
      ],
    );
    contacts++;
  }
  return { providers: templates.length, contacts };
}
