#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/server (npm run build).
import { main } from '../dist/server/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
