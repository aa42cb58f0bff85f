#!/usr/bin/env node
// The `harbor` command (npx harbor --help). Builds the server first if the sources changed.
import { build } from '../scripts/build.js';

build({ quiet: true, web: false });
await import('../dist/cli/main.js');
