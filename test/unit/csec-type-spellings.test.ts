// The extract names a CSEC Type by Harbor's code, the state's label, or one of the spellings
// seed 004 itself uses (its Table 1, its hierarchy list, the special project codes).
import { describe, expect, it } from 'vitest';
import { resolveCsecType } from '../../src/features/import/extract-format.js';

describe('CSEC Type spellings in an extract', () => {
  it.each([
    ['victim_during_care', 'Victim During Care'],
    ['victim_during_care', 'CSEC victim during foster care'],
    ['victim_open_case_not_in_care', 'Victim in Open Case, Not in Foster Care'],
    ['victim_open_case_not_in_care', 'Victim in Open Case'],
    ['victim_absent_from_placement', 'Victim while Absent from Placement'],
    ['victim_absent_from_placement', 'Victim while absent without leave'],
    ['victim_absent_from_placement', 'CSEC absent from placement'],
    ['victim_closed_case_ilp', 'Victim in Closed Case, Receiving Independent Living Placement Services'],
    ['victim_closed_case_ilp', 'Victim in Closed Case, Receiving Independent Living Program services'],
    ['victim_closed_case_ilp', 'Victim in Closed Case, Receiving ILP services'],
    ['victim_closed_case_ilp', 'CSEC victim with closed case receiving Independent Living Program services'],
    ['victim_before_care', 'Victim Before Foster Care'],
    ['victim_before_care', 'CSEC victim before care'],
    ['at_risk', 'At Risk'],
    ['at_risk', 'AT-RISK'],
    ['at_risk', 'CSEC at risk'],
  ])('reads %s from "%s"', (code, spelling) => {
    expect(resolveCsecType(spelling)).toBe(code);
  });

  it('refuses what is no Type', () => {
    expect(resolveCsecType('Victim')).toBeNull();
    expect(resolveCsecType('CSEC')).toBeNull();
    expect(resolveCsecType('Victim in Closed')).toBeNull();
  });
});
