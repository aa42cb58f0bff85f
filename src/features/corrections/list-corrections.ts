import type { YouthContext } from '../../access/contexts.js';
import { CORRECTED_RECORD_KINDS, type CorrectionList } from '../../contract/corrections.js';
import { CORRECTION_CATEGORY, loadCorrections } from './store.js';

/**
 * The earlier versions of a youth's corrected records and discarded drafts, for supervisors and
 * auditors (the route's ability). Each kind is shown only when the reader's grant covers its
 * field category: an auditor, who reads identity only, sees referral corrections, not a meeting's.
 */
export function listCorrections(repo: YouthContext, youthId: string): Promise<CorrectionList> {
  return repo.forYouth(youthId, 'corrections.read', { read: ['identity'] }, async (scope) => {
    const kinds = CORRECTED_RECORD_KINDS.filter((k) => scope.grant.read.has(CORRECTION_CATEGORY[k]));
    const corrections = await loadCorrections(scope.tx, youthId, kinds);
    scope.touch(
      kinds.map((k) => CORRECTION_CATEGORY[k]),
      corrections.map((c) => c.recordId),
    );
    return { corrections };
  });
}
