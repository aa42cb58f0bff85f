// One table says what each role may do (src/access/abilities.ts). Route policies, use cases and
// the web all read it; field categories stay with the grants (src/access/grants.ts).
import { describe, expect, it } from 'vitest';
import { ABILITIES, ABILITY_NAMES, abilitiesOf, can, rolesWith } from '../../src/access/abilities.js';
import { grantFor, RELATIONS } from '../../src/access/grants.js';
import { FIELD_CATEGORIES } from '../../src/domain/field-categories.js';
import { CASE_ROLES, ROLES } from '../../src/domain/people.js';

describe('the abilities table', () => {
  it('covers every role, and only roles', () => {
    expect(Object.keys(ABILITIES).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(ABILITIES[role].length, role).toBeGreaterThan(0);
  });

  it('names only known abilities, each once per role, and every ability belongs to some role', () => {
    for (const role of ROLES) {
      expect(new Set(ABILITIES[role]).size, role).toBe(ABILITIES[role].length);
      for (const a of ABILITIES[role]) expect(ABILITY_NAMES, `${role}: ${a}`).toContain(a);
    }
    const unused = ABILITY_NAMES.filter((a) => rolesWith(a).length === 0);
    expect(unused).toEqual([]);
  });

  it('gives the roles the route policies had before (spelled out)', () => {
    expect(rolesWith('youth.search')).toEqual([...CASE_ROLES].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)));
    expect(rolesWith('youth.create')).toEqual(['caseworker', 'supervisor']);
    expect(rolesWith('youth.access_log')).toEqual(['supervisor', 'auditor']);
    expect(rolesWith('stats.read')).toEqual(['supervisor', 'county_analyst', 'county_admin', 'state_analyst']);
    expect(rolesWith('reports.board')).toEqual(['county_analyst', 'county_admin', 'state_analyst']);
    expect(rolesWith('reports.board_internal')).toEqual(['county_analyst', 'county_admin']);
    expect(rolesWith('reports.compliance')).toEqual(['supervisor', 'county_analyst', 'county_admin']);
    expect(rolesWith('reports.missing')).toEqual(['supervisor', 'county_analyst', 'county_admin', 'state_analyst']);
    expect(rolesWith('settings.edit')).toEqual(['county_admin']);
    expect(rolesWith('directory.edit')).toEqual(['county_admin', 'org_admin']);
    expect(rolesWith('advocacy.refer')).toEqual(['caseworker', 'supervisor']);
    expect(rolesWith('advocacy.respond')).toEqual(['advocate', 'org_admin']);
    expect(rolesWith('obligations.waive')).toEqual(['supervisor']);
    expect(rolesWith('data_quality.work')).toEqual(['supervisor']);
    expect(rolesWith('import.extract')).toEqual(['county_admin']);
    expect(rolesWith('figures.all_counties')).toEqual(['state_analyst']);
  });

  it('answers for a set of roles, and lists a user’s abilities in the table’s order', () => {
    expect(can(['county_analyst'], 'reports.board')).toBe(true);
    expect(can({ roles: ['caseworker'] }, 'reports.board')).toBe(false);
    expect(can([], 'youth.search')).toBe(false);
    const both = abilitiesOf(['caseworker', 'county_admin']);
    expect(both).toContain('youth.create');
    expect(both).toContain('settings.edit');
    expect(both).toEqual(ABILITY_NAMES.filter((a) => both.includes(a)));
  });

  it('never grants a field category: the grants decide those, per youth, from the relation', () => {
    // No ability is named like a field category, and roles whose abilities are all about figures,
    // reference data or administration read nothing of any youth, whatever the relation.
    for (const a of ABILITY_NAMES) expect(FIELD_CATEGORIES as readonly string[]).not.toContain(a);
    for (const role of ['county_analyst', 'state_analyst', 'county_admin', 'org_admin'] as const) {
      expect(can([role], 'youth.search'), role).toBe(false);
      const grant = grantFor([role], new Set(RELATIONS));
      expect([...grant.read], role).toEqual([]);
      expect([...grant.write], role).toEqual([]);
    }
    // And an ability to record does not widen a grant: a caseworker without a relation reads nothing.
    expect(can(['caseworker'], 'youth.record')).toBe(true);
    expect([...grantFor(['caseworker'], new Set()).read]).toEqual([]);
  });
});
