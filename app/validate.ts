// Argument validation for every API request. Hosts call `validateRequest` on whatever arrived
// over IPC or the WebSocket before anything touches the disk: unknown methods, missing or extra
// fields and wrong types are refused with `invalid-argument`. Confinement of paths to the
// workspace is the workspace service's job (it needs the file system); here a path is only
// checked to be a plausible relative path string.
import { ApiError, type Method, type Params } from './api';
import { LAYOUT_GROUPS, MAX_SESSION_TABS, SOLVER_CHOICES } from './boot-session';
import { LIBRARY_PATH } from './library';

type FieldRule = 'path' | 'library-path' | 'text' | 'version' | 'version-or-null' | 'buffers' | 'reason' | 'function-name' | 'timeout-ms' | 'boolean' | 'console-input' | 'solver' | 'true' | 'layout' | 'session';
type Schema = Record<string, { rule: FieldRule; optional?: boolean }>;

const MAX_PATH = 4096;
const MAX_TEXT = 64 * 1024 * 1024;

const schemas: { [M in Method]: Schema } = {
  'workspace.info': {},
  'workspace.tree': {},
  'file.read': { path: { rule: 'path' } },
  'file.write': {
    path: { rule: 'path' },
    text: { rule: 'text' },
    expectedVersion: { rule: 'version-or-null', optional: true },
  },
  'backup.write': { path: { rule: 'path' }, text: { rule: 'text' }, baseVersion: { rule: 'version-or-null' } },
  'backup.discard': { path: { rule: 'path' } },
  'backup.list': {},
  'history.keep': { path: { rule: 'path' }, text: { rule: 'text' } },
  'verify.run': {
    buffers: { rule: 'buffers' },
    reason: { rule: 'reason' },
    functionName: { rule: 'function-name', optional: true },
    timeoutMs: { rule: 'timeout-ms', optional: true },
    profile: { rule: 'true', optional: true },
  },
  'verify.cancel': {},
  'verify.history': {},
  'settings.get': {},
  'settings.set': {
    proofGate: { rule: 'boolean', optional: true },
    solver: { rule: 'solver', optional: true },
    verifyOnSaveOnly: { rule: 'boolean', optional: true },
    layout: { rule: 'layout', optional: true },
    session: { rule: 'session', optional: true },
  },
  'stats.get': { buffers: { rule: 'buffers' } },
  'library.read': { path: { rule: 'library-path' } },
  'symbols.list': { buffers: { rule: 'buffers' } },
  'stats.history': {},
  'boot.context': {},
  'boot.start': { bypassProofGate: { rule: 'true', optional: true } },
  'boot.stop': {},
  'boot.input': { data: { rule: 'console-input' } },
};

const MAX_CONSOLE_INPUT = 64 * 1024;

const MAX_BUFFERS = 10_000;
const REASONS = new Set(['edit', 'save', 'button', 'function']);

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(schemas, name);
}

function invalid(message: string): never {
  throw new ApiError('invalid-argument', message);
}

function checkField(method: string, field: string, rule: FieldRule, value: unknown): void {
  switch (rule) {
    case 'path':
      if (typeof value !== 'string') invalid(`${method}: '${field}' must be a string`);
      if (value.length === 0 || value.length > MAX_PATH) invalid(`${method}: '${field}' must be 1..${MAX_PATH} characters`);
      if (value.includes('\0')) invalid(`${method}: '${field}' contains a NUL character`);
      return;
    case 'library-path':
      if (typeof value !== 'string' || !LIBRARY_PATH.test(value)) invalid(`${method}: '${field}' must name a library file like '<vstd>/simple_pptr.rs'`);
      return;
    case 'text':
      if (typeof value !== 'string') invalid(`${method}: '${field}' must be a string`);
      if (value.length > MAX_TEXT) invalid(`${method}: '${field}' is larger than ${MAX_TEXT} characters`);
      return;
    case 'buffers': {
      if (!Array.isArray(value)) invalid(`${method}: '${field}' must be an array`);
      if (value.length > MAX_BUFFERS) invalid(`${method}: '${field}' has more than ${MAX_BUFFERS} entries`);
      value.forEach((entry: unknown, i: number) => {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) invalid(`${method}: ${field}[${i}] must be an object`);
        const keys = Object.keys(entry);
        if (keys.length !== 2 || !keys.includes('path') || !keys.includes('text')) invalid(`${method}: ${field}[${i}] must have exactly 'path' and 'text'`);
        checkField(method, `${field}[${i}].path`, 'path', (entry as Record<string, unknown>).path);
        checkField(method, `${field}[${i}].text`, 'text', (entry as Record<string, unknown>).text);
      });
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') invalid(`${method}: '${field}' must be true or false`);
      return;
    case 'true':
      if (value !== true) invalid(`${method}: '${field}' must be true when given`);
      return;
    case 'console-input':
      if (typeof value !== 'string' || value.length === 0 || value.length > MAX_CONSOLE_INPUT) {
        invalid(`${method}: '${field}' must be 1..${MAX_CONSOLE_INPUT} characters`);
      }
      return;
    case 'solver':
      if (typeof value !== 'string' || !(SOLVER_CHOICES as readonly string[]).includes(value)) invalid(`${method}: '${field}' must be one of ${SOLVER_CHOICES.join(', ')}`);
      return;
    case 'reason':
      if (typeof value !== 'string' || !REASONS.has(value)) invalid(`${method}: '${field}' must be one of ${[...REASONS].join(', ')}`);
      return;
    case 'function-name':
      if (typeof value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*$/.test(value) || value.length > 512) {
        invalid(`${method}: '${field}' must be a function name like 'alloc' or 'PageAllocator::alloc'`);
      }
      return;
    case 'timeout-ms':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 100 || value > 600_000) {
        invalid(`${method}: '${field}' must be an integer number of milliseconds in 100..600000`);
      }
      return;
    case 'layout':
      if (!isWorkbenchLayout(value)) invalid(`${method}: '${field}' must map panel groups (${Object.keys(LAYOUT_GROUPS).join(', ')}) to their panels' sizes in percent`);
      return;
    case 'session':
      if (!isEditorSession(value)) invalid(`${method}: '${field}' must be { tabs: path[] (at most ${MAX_SESSION_TABS}), active: path | null, cursors: { path: { line, column } } }`);
      return;
    case 'version':
    case 'version-or-null':
      if (value === null && rule === 'version-or-null') return;
      if (typeof value !== 'string' || !/^[0-9a-f]{1,128}$/.test(value)) invalid(`${method}: '${field}' must be a version string`);
      return;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPlausiblePath = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_PATH && !v.includes('\0');
const isPosition = (v: unknown) => isRecord(v) && Object.keys(v).length === 2 && [v.line, v.column].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 10_000_000);

/** A stored or requested workbench layout: known groups and panels only, sizes in 0..100. */
export function isWorkbenchLayout(v: unknown): boolean {
  if (!isRecord(v)) return false;
  return Object.entries(v).every(([group, sizes]) => {
    const panels = (LAYOUT_GROUPS as Record<string, readonly string[]>)[group];
    if (!panels || !isRecord(sizes)) return false;
    return Object.entries(sizes).every(([id, n]) => panels.includes(id) && typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100);
  });
}

/** A stored or requested editor session (the paths are opened through `file.read`, which confines them). */
export function isEditorSession(v: unknown): boolean {
  if (!isRecord(v) || Object.keys(v).some((k) => !['tabs', 'active', 'cursors'].includes(k))) return false;
  if (!Array.isArray(v.tabs) || v.tabs.length > MAX_SESSION_TABS || !v.tabs.every(isPlausiblePath)) return false;
  if (!(v.active === null || isPlausiblePath(v.active))) return false;
  if (!isRecord(v.cursors) || Object.keys(v.cursors).length > MAX_SESSION_TABS) return false;
  return Object.entries(v.cursors).every(([k, pos]) => isPlausiblePath(k) && isPosition(pos));
}

/** Rules that span fields: each field alone is already checked. */
function checkCombination(method: Method, record: Record<string, unknown>): void {
  if (method === 'verify.run' && record.profile === true) {
    // a profile is per function (a whole-workspace profile run would take minutes and show one list)
    if (record.functionName === undefined) invalid(`${method}: 'profile' needs 'functionName'`);
    if (record.reason !== 'function') invalid(`${method}: 'profile' needs reason 'function'`);
  }
}

/** Returns the params typed for `method`, or throws ApiError('invalid-argument'). */
export function validateRequest<M extends Method>(method: M, params: unknown): Params<M>;
export function validateRequest(method: unknown, params: unknown): Params<Method>;
export function validateRequest(method: unknown, params: unknown): Params<Method> {
  if (!isMethod(method)) invalid(`unknown method ${JSON.stringify(String(method)).slice(0, 80)}`);
  const schema = schemas[method];
  const given = params === undefined ? {} : params;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) invalid(`${method}: params must be an object`);
  const record = given as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!Object.prototype.hasOwnProperty.call(schema, key)) invalid(`${method}: unexpected field '${key}'`);
  }
  for (const [field, { rule, optional }] of Object.entries(schema)) {
    if (!(field in record) || record[field] === undefined) {
      if (optional) continue;
      invalid(`${method}: missing field '${field}'`);
    }
    checkField(method, field, rule, record[field]);
  }
  checkCombination(method, record);
  return record as Params<Method>;
}
