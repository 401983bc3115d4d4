#!/usr/bin/env node
// `npm run bench [-- NAME [ARGS...]]`: runs the benchmark in scripts/bench/NAME.ts with ARGS (every
// argument after the name, positional or flag), or all benchmarks without arguments when no NAME
// is given. Each benchmark prints its numbers; docs/benchmarks.md records them with this command.
import { readdirSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();

const dir = new URL('../scripts/bench/', import.meta.url);
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
const [first, ...rest] = process.argv.slice(2);
// a leading flag (`npm run bench -- --jobs 2`) goes to every benchmark
const runs = first === undefined || first.startsWith('-') ? available.map((name) => [name, process.argv.slice(2)]) : [[first, rest]];
for (const [name, args] of runs) {
  if (!available.includes(name)) {
    console.error(`bench: no benchmark '${name}' (available: ${available.join(', ')})`);
    process.exit(2);
  }
  console.log(`# bench ${name}`);
  const { main } = await import(new URL(`${name}.ts`, dir).href);
  await main(args);
}
