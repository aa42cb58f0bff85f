// The access rules as a table: role × relation × field category → may read? may write?
import { describe, expect, it } from 'vitest';
import { canSee, grantFor, RELATIONS, type Relation } from '../../src/access/grants.js';
import { FIELD_CATEGORIES, type FieldCategory } from '../../src/domain/field-categories.js';
import { ROLES, type Role } from '../../src/domain/people.js';

const ALL = [...FIELD_CATEGORIES];
const NONE: FieldCategory[] = [];
const ALL_BUT_PLACEMENT = ALL.filter((c) => c !== 'placement_location');
const MDT: FieldCategory[] = ['identity', 'contact_location', 'exploitation', 'court', 'education'];
const ADVOCATE: FieldCategory[] = ['identity', 'contact_location', 'exploitation', 'education'];

// The expected reads, written out in full so a change to the policy must change this table too.
const expectedReads: Record<Role, Record<Relation | 'none', FieldCategory[]>> = {
  caseworker: { assigned: ALL, supervises: NONE, organization: NONE, mdt: MDT, advocacy: NONE, none: NONE },
  supervisor: {
    assigned: ALL,
    supervises: ALL,
    organization: ['identity', 'court', 'education'],
    mdt: MDT,
    advocacy: NONE,
    none: NONE,
  },
  advocate: { assigned: ADVOCATE, supervises: NONE, organization: NONE, mdt: MDT, advocacy: ADVOCATE, none: NONE },
  mdt_coordinator: {
    assigned: ALL_BUT_PLACEMENT,
    supervises: NONE,
    organization: ['identity', 'court'],
    mdt: MDT,
    advocacy: NONE,
    none: NONE,
  },
  auditor: {
    assigned: ['identity'],
    supervises: ['identity'],
    organization: ['identity'],
    mdt: NONE,
    advocacy: NONE,
    none: NONE,
  },
  county_analyst: { assigned: NONE, supervises: NONE, organization: NONE, mdt: NONE, advocacy: NONE, none: NONE },
  state_analyst: { assigned: NONE, supervises: NONE, organization: NONE, mdt: NONE, advocacy: NONE, none: NONE },
  county_admin: { assigned: NONE, supervises: NONE, organization: NONE, mdt: NONE, advocacy: NONE, none: NONE },
  org_admin: { assigned: NONE, supervises: NONE, organization: NONE, mdt: NONE, advocacy: NONE, none: NONE },
};

const cases = ROLES.flatMap((role) =>
  [...RELATIONS, 'none' as const].flatMap((relation) =>
    FIELD_CATEGORIES.map((category) => ({
      role,
      relation,
      category,
      allowed: expectedReads[role][relation].includes(category),
    })),
  ),
);

describe('read grants', () => {
  it.each(cases)(
    '$role with relation $relation reading $category: $allowed',
    ({ role, relation, category, allowed }) => {
      const grant = grantFor([role], new Set(relation === 'none' ? [] : [relation]));
      expect(grant.read.has(category)).toBe(allowed);
    },
  );
});

describe('rules that must hold whatever the table says', () => {
  it('no relation never grants anything, to any role', () => {
    for (const role of ROLES) expect(grantFor([role], new Set()).read.size).toBe(0);
  });

  it('analysts and administrators never see a youth, whatever the relation', () => {
    for (const role of ['county_analyst', 'state_analyst', 'county_admin', 'org_admin'] as const) {
      expect(canSee(grantFor([role], new Set(RELATIONS)))).toBe(false);
    }
  });

  it("the placement address goes only to the youth's own workers and their supervisors", () => {
    for (const role of ROLES) {
      for (const relation of RELATIONS) {
        const ok = grantFor([role], new Set([relation])).read.has('placement_location');
        const expected =
          (role === 'caseworker' && relation === 'assigned') ||
          (role === 'supervisor' && (relation === 'assigned' || relation === 'supervises'));
        expect(ok, `${role}/${relation}`).toBe(expected);
      }
    }
  });

  it('whoever may write a category may read it', () => {
    for (const role of ROLES) {
      for (const relation of RELATIONS) {
        const g = grantFor([role], new Set([relation]));
        for (const c of g.write) expect(g.read.has(c), `${role}/${relation}/${c}`).toBe(true);
      }
    }
  });

  it('every non-empty grant includes identity (a record is never shown without whose it is)', () => {
    for (const role of ROLES) {
      for (const relation of RELATIONS) {
        const g = grantFor([role], new Set([relation]));
        if (g.read.size) expect(g.read.has('identity')).toBe(true);
      }
    }
  });

  it('several roles and relations combine as a union', () => {
    const g = grantFor(['advocate', 'auditor'], new Set<Relation>(['assigned', 'organization']));
    expect([...g.read].sort()).toEqual(['contact_location', 'education', 'exploitation', 'identity']);
  });
});
