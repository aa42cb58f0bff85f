// A county that holds a licence loads its instrument as data: validated as a whole, versioned,
// visible to that county only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRIEF_SCREEN } from '../../src/domain/demo-instruments.js';
import { importInstrument, InstrumentImportError } from '../../src/features/instruments/install.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const countyTool = { ...structuredClone(DEMO_BRIEF_SCREEN), key: 'county-licensed-tool', demonstration: false };
const keys = async (who: 'worker' | 'sdWorker') =>
  ((await (await h.as(who)).get('/api/instruments')).json().instruments as { key: string; version: number }[]).map(
    (i) => `${i.key}@${i.version}`,
  );

describe('harbor import instrument', () => {
  it('adds a valid file as version 1 for that county only', async () => {
    expect(await importInstrument(h.db.database, 'los-angeles', countyTool)).toEqual({
      key: 'county-licensed-tool',
      version: 1,
      created: true,
    });
    expect(await keys('worker')).toContain('county-licensed-tool@1');
    expect(await keys('sdWorker')).not.toContain('county-licensed-tool@1');
  });

  it('changes nothing for the same content, and makes a new version for changed content', async () => {
    expect(await importInstrument(h.db.database, 'los-angeles', countyTool)).toMatchObject({
      version: 1,
      created: false,
    });
    const changed = structuredClone(countyTool);
    changed.name.en = 'County licensed tool (2nd edition)';
    expect(await importInstrument(h.db.database, 'los-angeles', changed)).toMatchObject({ version: 2, created: true });
    expect(await keys('worker')).toContain('county-licensed-tool@2');
  });

  it('lists every problem with where it is, and writes nothing', async () => {
    const before = await h.db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM instrument_versions');
    const broken = structuredClone(countyTool) as unknown as {
      key: string;
      sections: { items: { scale: string }[] }[];
      guidance: unknown;
    };
    broken.key = 'Bad Key!';
    broken.sections[0]!.items[0]!.scale = 'nope';
    delete (broken as { guidance?: unknown }).guidance;
    const error = await importInstrument(h.db.database, 'los-angeles', broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstrumentImportError);
    const problems = (error as InstrumentImportError).problems.join('\n');
    expect(problems).toMatch(/key/);
    expect(problems).toMatch(/guidance/);
    const after = await h.db.database.query<{ n: number }>('SELECT count(*)::int AS n FROM instrument_versions');
    expect(after[0]!.n).toBe(before[0]!.n);
    await expect(importInstrument(h.db.database, 'atlantis', countyTool)).rejects.toThrow(
      /no county with code "atlantis"/,
    );
  });
});

describe('entry pathway and dual status', () => {
  it('are recorded on the youth; dual status is court information an advocate does not see', async () => {
    const worker = await h.as('worker');
    const { version } = (await worker.get(`/api/youth/${h.world.youth.ana}`)).json();
    const saved = await worker.patch(`/api/youth/${h.world.youth.ana}`, {
      version,
      entryPathway: 'open_child_welfare_case',
      dualStatus: true,
    });
    expect(saved.statusCode).toBe(200);
    expect((await worker.get(`/api/youth/${h.world.youth.ana}`)).json()).toMatchObject({
      entryPathway: 'open_child_welfare_case',
      dualStatus: true,
    });
    const advocateView = (await (await h.as('advocate')).get(`/api/youth/${h.world.youth.ana}`)).json();
    expect(advocateView.entryPathway).toBe('open_child_welfare_case');
    expect(advocateView.dualStatus).toBeUndefined();
    expect(
      (await worker.patch(`/api/youth/${h.world.youth.ana}`, { version: version + 1, entryPathway: 'walk_in' }))
        .statusCode,
    ).toBe(400);
  });
});
