// Proof statistics at each commit of a workspace's git history (the dashboard's trend chart).
// Files are read from the commits themselves (git ls-tree + git cat-file --batch), never from
// the working tree, and the totals are cached per commit in `.stratos/stats-history.json`.

import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CommitStats, TotalStats } from '../../app/stats';

export type { CommitStats };
import { CLASSIFIER_VERSION } from './classify';
import { isCountedSource, statsForSources } from './stats';

export interface HistoryOptions {
  /** Newest commits to include (default 50). */
  maxCommits?: number;
  /** Where the cache lives (default `<root>/.stratos/stats-history.json`); null disables it. */
  cacheFile?: string | null;
}

interface CacheFile {
  version: 2;
  classifier: number;
  commits: Record<string, { total: TotalStats; trustedEntries: number; checkedFunctions: number }>;
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`git ${args[0]}: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
  });
}

/** Contents of several blobs (`<commit>:<path>` specs) through one `git cat-file --batch`. */
function catFiles(cwd: string, specs: string[]): Promise<Array<string | undefined>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const buf = Buffer.concat(chunks);
      const out: Array<string | undefined> = [];
      let pos = 0;
      for (let k = 0; k < specs.length; k++) {
        const nl = buf.indexOf(10, pos);
        if (nl < 0) break;
        const header = buf.subarray(pos, nl).toString('utf8');
        pos = nl + 1;
        const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!m) {
          out.push(undefined); // "<spec> missing"
          continue;
        }
        const size = Number(m[2]);
        out.push(m[1] === 'blob' ? buf.subarray(pos, pos + size).toString('utf8') : undefined);
        pos += size + 1;
      }
      while (out.length < specs.length) out.push(undefined);
      resolve(out);
    });
    child.stdin.end(specs.map((s) => s + '\n').join(''));
  });
}

async function readCache(file: string | null): Promise<CacheFile> {
  const empty: CacheFile = { version: 2, classifier: CLASSIFIER_VERSION, commits: {} };
  if (!file) return empty;
  try {
    const c = JSON.parse(await fs.readFile(file, 'utf8')) as CacheFile;
    return c.version === 2 && c.classifier === CLASSIFIER_VERSION && c.commits ? c : empty;
  } catch {
    return empty;
  }
}

async function writeCache(file: string | null, cache: CacheFile): Promise<void> {
  if (!file) return;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(cache));
    await fs.rename(tmp, file);
  } catch {
    // A cache that cannot be written only costs time.
  }
}

/**
 * Totals at each of the newest commits touching `root` (oldest first). `root` may be a
 * subdirectory of the repository (kernel-workspace/); paths are then relative to it, as in
 * `computeStats(root)`. Rejects when `root` is not in a git work tree.
 */
export async function statsHistory(root: string, options: HistoryOptions = {}): Promise<CommitStats[]> {
  const cwd = path.resolve(root);
  const max = Math.max(1, Math.floor(options.maxCommits ?? 50));
  const cacheFile = options.cacheFile === undefined ? path.join(cwd, '.stratos', 'stats-history.json') : options.cacheFile;
  const prefix = (await git(cwd, ['rev-parse', '--show-prefix'])).trim();
  const log = await git(cwd, ['log', `-n${max}`, '--format=%H%x09%cI%x09%s', '--', '.']);
  const commits = log
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => {
      const [commit = '', date = '', ...rest] = l.split('\t');
      return { commit, date, subject: rest.join('\t') };
    })
    .reverse();
  const cache = await readCache(cacheFile);
  let dirty = false;
  const out: CommitStats[] = [];
  for (const c of commits) {
    let entry = cache.commits[c.commit];
    if (!entry) {
      const files = (await git(cwd, ['ls-tree', '-r', '-z', '--name-only', c.commit]))
        .split('\0')
        .filter((f) => f.length > 0 && isCountedSource(f));
      const texts = await catFiles(
        cwd,
        files.map((f) => `${c.commit}:${prefix}${f}`),
      );
      const sources = new Map<string, string>();
      files.forEach((f, k) => {
        const t = texts[k];
        if (t !== undefined) sources.set(f, t);
      });
      const report = statsForSources(sources);
      entry = { total: report.total, trustedEntries: report.trustedBase.length, checkedFunctions: report.functions.filter((f) => f.verified).length };
      cache.commits[c.commit] = entry;
      dirty = true;
    }
    out.push({ ...c, total: entry.total, trustedEntries: entry.trustedEntries, checkedFunctions: entry.checkedFunctions });
  }
  if (dirty) await writeCache(cacheFile, cache);
  return out;
}
