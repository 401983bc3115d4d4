// Argument validation for every API request. Hosts call `validateRequest` on whatever arrived
// over IPC or the WebSocket before anything touches the disk: unknown methods, missing or extra
// fields and wrong types are refused with `invalid-argument`. Confinement of paths to the
// workspace is the workspace service's job (it needs the file system); here a path is only
// checked to be a plausible relative path string.
import { ApiError, type Method, type Params } from './api';

type FieldRule = 'path' | 'text' | 'version' | 'version-or-null';
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
};

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
    case 'text':
      if (typeof value !== 'string') invalid(`${method}: '${field}' must be a string`);
      if (value.length > MAX_TEXT) invalid(`${method}: '${field}' is larger than ${MAX_TEXT} characters`);
      return;
    case 'version':
    case 'version-or-null':
      if (value === null && rule === 'version-or-null') return;
      if (typeof value !== 'string' || !/^[0-9a-f]{1,128}$/.test(value)) invalid(`${method}: '${field}' must be a version string`);
      return;
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
  return record as Params<Method>;
}
