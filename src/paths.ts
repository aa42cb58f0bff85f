import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding Harbor's package.json, whether running from src/ (tsx) or dist/ (built). */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("Cannot find Harbor's package.json above " + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}
