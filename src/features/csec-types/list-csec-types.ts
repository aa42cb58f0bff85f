import type { YouthContext } from '../../access/contexts.js';
import { typeForPeriod, type CsecTypeCode } from '../../domain/csec-type.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { loadCsecTypes, toView } from './load.js';
import type { CsecTypeViewT } from '../../contract/csec-types.js';

export interface CsecStatus {
  records: CsecTypeViewT[];
  /** The single type today under the state's hierarchy, or null. The web translates the code. */
  current: { type: CsecTypeCode } | null;
}

export function listCsecTypes(repo: YouthContext, youthId: string): Promise<CsecStatus> {
  return repo.forYouth(youthId, 'csec_type.list', { read: ['exploitation'] }, async (scope) => {
    const rows = await loadCsecTypes(scope.tx, youthId);
    scope.touch(
      ['exploitation'],
      rows.map((r) => r.id),
    );
    const today = countyToday();
    const current = typeForPeriod(
      rows.map((r) => ({ id: r.id, type: r.type, startDate: r.start_date, endDate: r.end_date })),
      today,
      today,
    );
    return {
      records: rows.map(toView),
      current: current ? { type: current } : null,
    };
  });
}
