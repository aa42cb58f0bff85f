import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import type { ScreeningDetail } from '../../contract/screenings';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

export interface DraftBody {
  ratings: Record<string, string>;
  notes: string | null;
}

const DELAY_MS = 800;

/**
 * Saves a draft screening shortly after each change (a debounced PATCH with the version last
 * saved). One save at a time; changes made during a save are saved right after it. A 409 means
 * the draft changed elsewhere (or became final): saving stops and the person is asked to reload.
 */
export function useAutosave(path: string, initialVersion: number, body: DraftBody) {
  const json = JSON.stringify(body);
  const version = useRef(initialVersion);
  const savedJson = useRef(json);
  const latest = useRef({ json, body });
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const stopped = useRef(false);
  const failed = useRef(false);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [lastSaved, setLastSaved] = useState<ScreeningDetail | null>(null);

  useEffect(() => {
    latest.current = { json, body: JSON.parse(json) as DraftBody };
  }, [json]);

  const saveOnce = useCallback(async (): Promise<void> => {
    while (inFlight.current) await inFlight.current;
    if (stopped.current) return;
    const { json: sending, body: draft } = latest.current;
    if (sending === savedJson.current) {
      if (!failed.current) setStatus((s) => (s === 'idle' ? 'idle' : 'saved'));
      return;
    }
    setStatus('saving');
    const attempt = (async () => {
      try {
        const saved = await api<ScreeningDetail>(path, {
          method: 'PATCH',
          body: { version: version.current, ...draft },
          // Saving a draft changes nothing else on screen; refetching would only add reads.
          keepCache: true,
        });
        version.current = saved.version;
        savedJson.current = sending;
        failed.current = false;
        setLastSaved(saved);
        setStatus(latest.current.json === sending ? 'saved' : 'pending');
      } catch (err) {
        failed.current = true;
        if (err instanceof ApiError && err.status === 409) {
          stopped.current = true;
          setStatus('conflict');
        } else {
          setStatus('error');
        }
      }
    })();
    inFlight.current = attempt;
    await attempt;
    inFlight.current = null;
  }, [path]);

  // Each change restarts the short wait; the save goes out once the person pauses.
  useEffect(() => {
    if (json === savedJson.current || stopped.current) return;
    setStatus('pending');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      void saveOnce().then(() => {
        // Changes made while that save was out.
        if (!stopped.current && !failed.current && latest.current.json !== savedJson.current) void saveOnce();
      });
    }, DELAY_MS);
    return () => window.clearTimeout(timer.current);
  }, [json, saveOnce]);

  // Leaving the page (within the app) still saves what was typed.
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      if (!stopped.current && latest.current.json !== savedJson.current) void saveOnce();
    },
    [saveOnce],
  );

  // Closing the tab with unsaved answers asks first.
  useEffect(() => {
    if (status !== 'pending' && status !== 'saving' && status !== 'error') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [status]);

  /** Saves anything not yet saved; the version to finish with, or null if saving failed. */
  const flush = useCallback(async (): Promise<number | null> => {
    window.clearTimeout(timer.current);
    failed.current = false;
    await saveOnce();
    return stopped.current || failed.current ? null : version.current;
  }, [saveOnce]);

  return { status, flush, lastSaved };
}
