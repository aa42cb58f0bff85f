// Fictional placement and service histories for the demo youth: a few placements each, one at a
// time with the occasional gap, the current one open; services referred, started and ended in
// every status. Providers come from the county's demo directory when it has a fitting one.
import type { Faker } from '@faker-js/faker';
import type { RawConnection } from '../db/client.js';
import type { PlacementType } from '../domain/placements.js';
import { SERVICE_CATALOG, type ServiceStatus } from '../domain/services.js';

interface DemoYouthRef {
  youthId: string;
  countyId: string;
  workerId: string;
  organizationId: string;
}

const DAY = 86_400_000;

export async function seedServicesAndPlacements(conn: RawConnection, faker: Faker, youth: DemoYouthRef[], now: Date) {
  const providers = await conn.query<{ id: string; county_id: string; placement_types: string[]; services: string[] }>(
    'SELECT id, county_id, placement_types, services FROM providers WHERE active',
  );
  const pick = <T>(xs: T[]) => (xs.length ? faker.helpers.arrayElement(xs) : null);
  const stats = { placements: 0, services: 0 };
  for (const y of youth) {
    // Placements: walk forward from 1–3 years ago to now.
    let at = new Date(now.getTime() - faker.number.int({ min: 365, max: 3 * 365 }) * DAY);
    const count = faker.number.int({ min: 1, max: 4 });
    for (let i = 0; i < count; i++) {
      const type = faker.helpers.weightedArrayElement<PlacementType>([
        { value: 'resource_family', weight: 20 },
        { value: 'relative', weight: 18 },
        { value: 'strtp', weight: 15 },
        { value: 'ffa_home', weight: 12 },
        { value: 'emergency_shelter', weight: 10 },
        { value: 'home_of_parent', weight: 8 },
        { value: 'receiving_center', weight: 5 },
        { value: 'transitional_housing', weight: 4 },
        { value: 'juvenile_hall', weight: 4 },
        { value: 'camp', weight: 2 },
        { value: 'sila', weight: 2 },
      ]);
      const last = i === count - 1;
      const length = faker.number.int({ min: 10, max: 300 }) * DAY;
      const end = last ? null : new Date(Math.min(at.getTime() + length, now.getTime() - (count - i) * 5 * DAY));
      if (end && end <= at) break;
      const provider = pick(providers.filter((p) => p.county_id === y.countyId && p.placement_types.includes(type)));
      const hasAddress = type !== 'juvenile_hall' && type !== 'camp';
      await conn.query(
        `INSERT INTO placement_episodes (youth_id, county_id, placement_type, provider_id, start_at, end_at, change_reason,
           csec_trained, address, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          y.youthId,
          y.countyId,
          type,
          provider?.id ?? null,
          at.toISOString(),
          end?.toISOString() ?? null,
          i === 0
            ? 'Initial placement'
            : faker.helpers.arrayElement([
                'Placement disruption',
                'Returned from runaway',
                'Step-down to family setting',
                'Closer to school',
                'Safety concern at previous placement',
              ]),
          faker.number.float() < 0.4,
          hasAddress ? `${faker.number.int({ min: 100, max: 9999 })} ${faker.location.street()} (fictional)` : null,
          y.workerId,
        ],
      );
      stats.placements++;
      if (!end) break;
      // Sometimes a gap (the youth was missing, or the record is incomplete) before the next one.
      const gap = faker.number.float() < 0.25 ? faker.number.int({ min: 1, max: 20 }) * DAY : 0;
      at = new Date(Math.min(end.getTime() + gap, Math.max(end.getTime(), now.getTime() - DAY)));
    }
    // Services.
    for (let i = 0; i < faker.number.int({ min: 0, max: 4 }); i++) {
      const service = faker.helpers.arrayElement(SERVICE_CATALOG.filter((s) => s.key !== 'other'));
      const referredAt = faker.date.between({
        from: new Date(now.getTime() - 2 * 365 * DAY),
        to: new Date(now.getTime() - 2 * DAY),
      });
      const status = faker.helpers.weightedArrayElement<ServiceStatus>([
        { value: 'active', weight: 30 },
        { value: 'completed', weight: 25 },
        { value: 'dropped', weight: 12 },
        { value: 'waiting', weight: 10 },
        { value: 'referred', weight: 13 },
        { value: 'declined', weight: 10 },
      ]);
      const started = ['active', 'completed', 'dropped'].includes(status)
        ? new Date(Math.min(referredAt.getTime() + faker.number.int({ min: 1, max: 45 }) * DAY, now.getTime() - DAY))
        : null;
      const ended =
        started && (status === 'completed' || status === 'dropped')
          ? new Date(Math.min(started.getTime() + faker.number.int({ min: 14, max: 200 }) * DAY, now.getTime()))
          : null;
      const provider = pick(providers.filter((p) => p.county_id === y.countyId && p.services.includes(service.key)));
      await conn.query(
        `INSERT INTO service_episodes (youth_id, county_id, service_key, provider_id, referred_by, referred_by_organization_id,
           referred_at, started_at, ended_at, status, end_reason, funding_source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          y.youthId,
          y.countyId,
          service.key,
          provider?.id ?? null,
          y.workerId,
          y.organizationId,
          referredAt.toISOString(),
          started?.toISOString() ?? null,
          ended?.toISOString() ?? null,
          status,
          status === 'completed'
            ? 'Goals met'
            : status === 'dropped'
              ? faker.helpers.arrayElement(['Youth stopped attending', 'Placement change', 'Youth ran away'])
              : null,
          faker.helpers.arrayElement(['sb855_csec_program', 'title_iv_e', 'medi_cal', 'county_general', null]),
        ],
      );
      stats.services++;
    }
  }
  return stats;
}
