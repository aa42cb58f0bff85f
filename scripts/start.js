#!/usr/bin/env node
// `npm start`: build if needed, then run the server (which migrates and seeds the demo on first run).
import { build } from './build.js';

build();
await import('../dist/server/main.js');
