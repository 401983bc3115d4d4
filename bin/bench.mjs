#!/usr/bin/env node
// `npm run bench [-- NAME...]`: runs the benchmarks in scripts/bench/NAME.ts (all of them without NAME).
// Each benchmark prints its numbers; docs/benchmarks.md records them with this command.
import { readdirSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();

const dir = new URL('../scripts/bench/', import.meta.url);
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : available;
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`bench: no benchmark '${name}' (available: ${available.join(', ')})`);
    process.exit(2);
  }
  console.log(`# bench ${name}`);
  const { main } = await import(new URL(`${name}.ts`, dir).href);
  await main(process.argv.slice(2).filter((a) => a.startsWith('-')));
}
