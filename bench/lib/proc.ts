// Child processes for the benchmarks: every process started here is tracked and killed on exit,
// on errors and on Ctrl-C, so a run never leaves a server behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface Child {
  name: string;
  proc: ChildProcess;
  /** The last lines the process printed, shown when it fails. */
  tail(): string;
  exited: Promise<number | null>;
}

const children = new Set<Child>();

/** `env` is merged over this process's environment; an `undefined` value removes the variable. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  cwd: string,
): Child {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const proc = spawn(command, args, { cwd, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const child: Child = { name, proc, tail: () => lines.join('\n'), exited };
  children.add(child);
  void exited.then(() => children.delete(child));
  return child;
}

/** SIGTERM (the servers shut down cleanly, closing PGlite), then SIGKILL after a grace period. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c, 5_000)));
}

/** Last resort (process 'exit' handler): synchronous kill of anything still running. */
export function killAllNow(): void {
  for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Polls GET /api/health until it answers 200; returns the seconds since `startedAt`
 * (a performance.now() value taken just before the spawn). Polls every 20 ms.
 */
export async function waitForHealth(
  child: Child,
  baseUrl: string,
  startedAt: number,
  timeoutMs = 120_000,
): Promise<number> {
  const deadline = startedAt + timeoutMs;
  while (performance.now() < deadline) {
    if (child.proc.exitCode !== null) {
      throw new Error(`${child.name} exited with code ${child.proc.exitCode} before it was healthy:\n${child.tail()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.status === 200) return (performance.now() - startedAt) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${child.name} did not answer /api/health within ${timeoutMs / 1000} s:\n${child.tail()}`);
}
