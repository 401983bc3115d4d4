#!/usr/bin/env node
// The `stratos` command: the composition root. It loads the TypeScript sources through tsx and
// hands `ide` to main/ (the hosts) and every other command to toolchain/ (which never sees main/).
import { register } from 'tsx/esm/api';

register();

const [command] = process.argv.slice(2);
const entry =
  command === 'ide'
    ? new URL('../main/cli/ide.ts', import.meta.url).href
    : new URL('../toolchain/cli/main.ts', import.meta.url).href;

const { run } = await import(entry);
const code = await run(process.argv.slice(2));
process.exitCode = code;
