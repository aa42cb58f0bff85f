import type { ScopedRepo } from '../../access/checkpoint.js';
import { CSEC_TYPES, typeForPeriod, type CsecTypeCode } from '../../domain/csec-type.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { loadCsecTypes, toView } from './load.js';
import type { CsecTypeViewT } from './schemas.js';

export interface CsecStatus {
  records: CsecTypeViewT[];
  /** The single type today under the state's hierarchy, or null. */
  current: { type: CsecTypeCode; label: { en: string; es: string } } | null;
}

export function listCsecTypes(repo: ScopedRepo, youthId: string): Promise<CsecStatus> {
  return repo.forYouth(youthId, 'csec_type.list', async (scope) => {
    scope.require('exploitation', 'read');
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
      current: current ? { type: current, label: CSEC_TYPES.find((t) => t.code === current)!.label } : null,
    };
  });
}
