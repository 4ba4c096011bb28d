#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/server (npm run build).
import { runCli } from '../dist/server/main.js';

runCli(process.argv.slice(2));
