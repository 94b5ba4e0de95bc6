#!/usr/bin/env node
'use strict';
// Runs the TypeScript sources directly (through tsx), so `npx relacje` works right after
// `npm install`, with no build step.
const path = require('node:path');
const { register } = require('tsx/cjs/api');

register();
const { runCliProcess } = require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));

runCliProcess().catch((error) => {
  // main() reports every failure itself; this is only reached if the glue itself breaks.
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exitCode = 1;
});
