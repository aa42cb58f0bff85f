// The county's reference data from the server (GET /api/reference): its service planning areas
// and organizations. County data, so the web keeps no copy of its own: it is loaded once per
// signed-in user and shared by every component that asks.
import { useEffect, useState } from 'react';
import type { ReferenceData, ServicePlanningArea } from '../../contract/people';
import { api } from '../api';
import { useActiveSession } from '../auth/SessionContext';

const loaded = new Map<string, Promise<ReferenceData>>();

function load(userId: string): Promise<ReferenceData> {
  let answer = loaded.get(userId);
  if (!answer) {
    answer = api<ReferenceData>('/api/reference');
    loaded.set(userId, answer);
    // A failed load is tried again next time it is needed.
    answer.catch(() => loaded.delete(userId));
  }
  return answer;
}

/** The signed-in user's county's reference data; null until it has loaded (or if it could not). */
export function useReference(): ReferenceData | null {
  const userId = useActiveSession().user.id;
  const [state, setState] = useState<{ userId: string; data: ReferenceData } | null>(null);
  useEffect(() => {
    let current = true;
    load(userId).then(
      (data) => {
        if (current) setState({ userId, data });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [userId]);
  return state?.userId === userId ? state.data : null;
}

const NONE: readonly ServicePlanningArea[] = [];

/** The county's service planning areas, by number (none until loaded). */
export function useCountySpas(): readonly ServicePlanningArea[] {
  return useReference()?.spas ?? NONE;
}

/** The name of service planning area `n`, if the county has one by that number. */
export function spaName(spas: readonly ServicePlanningArea[], n: number): string | null {
  return spas.find((s) => s.number === n)?.name ?? null;
}
