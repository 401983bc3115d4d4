import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { validateRequest } from './validate';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ApiError ? e.code : 'not-an-api-error';
  }
  return undefined;
}

describe('validateRequest', () => {
  it('accepts well-formed params', () => {
    expect(validateRequest('file.read', { path: 'src/main.rs' })).toEqual({ path: 'src/main.rs' });
    expect(validateRequest('file.write', { path: 'a.rs', text: '', expectedVersion: null })).toBeTruthy();
    expect(validateRequest('file.write', { path: 'a.rs', text: 'x' })).toBeTruthy();
    expect(validateRequest('workspace.tree', undefined)).toEqual({});
  });

  it('reads only library files by their plain name, nothing that could leave the library', () => {
    expect(validateRequest('library.read', { path: '<vstd>/simple_pptr.rs' })).toEqual({ path: '<vstd>/simple_pptr.rs' });
    for (const path of ['src/main.rs', '<vstd>/../../etc/passwd', '<vstd>/a/b.rs', '<vstd>/.rs', '/<vstd>/x.rs', '<vstd>/x.rs\0', 7]) {
      expect(codeOf(() => validateRequest('library.read', { path }))).toBe('invalid-argument');
    }
  });

  it('refuses unknown methods, including prototype names', () => {
    expect(codeOf(() => validateRequest('fs.rm', {}))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('constructor', {}))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('__proto__', {}))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest(42, {}))).toBe('invalid-argument');
  });

  it('refuses wrong types, missing and extra fields', () => {
    expect(codeOf(() => validateRequest('file.read', {}))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('file.read', { path: 3 }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('file.read', { path: '' }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('file.read', { path: 'a\0b' }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('file.read', { path: 'a', mode: 'w' }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('file.read', ['a']))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('file.read', null))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('file.write', { path: 'a', text: 1 }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('file.write', { path: 'a', text: '', expectedVersion: 'not hex!' }))).toBe(
      'invalid-argument',
    );
    expect(codeOf(() => validateRequest('backup.write', { path: 'a', text: '' }))).toBe('invalid-argument');
  });

  it('checks settings and console input', () => {
    expect(validateRequest('settings.set', { proofGate: false })).toEqual({ proofGate: false });
    expect(codeOf(() => validateRequest('settings.set', { proofGate: 'no' }))).toBe('invalid-argument');
    expect(validateRequest('settings.set', { verifyOnSaveOnly: true })).toEqual({ verifyOnSaveOnly: true });
    expect(codeOf(() => validateRequest('settings.set', { verifyOnSaveOnly: 'yes' }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('settings.set', { theme: 'x' }))).toBe('invalid-argument');
    expect(validateRequest('settings.set', { solver: 'native' })).toEqual({ solver: 'native' });
    expect(codeOf(() => validateRequest('settings.set', { solver: 'cvc5' }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('settings.set', { solver: 1 }))).toBe('invalid-argument');
    expect(validateRequest('boot.input', { data: 'ping\r' })).toEqual({ data: 'ping\r' });
    expect(codeOf(() => validateRequest('boot.input', { data: '' }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('boot.input', { data: 'x'.repeat(70_000) }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('boot.start', { image: '/bin/sh' }))).toBe('invalid-argument');
  });

  it('checks verification requests field by field', () => {
    expect(validateRequest('verify.run', { buffers: [{ path: 'src/a.rs', text: 'x' }], reason: 'edit', timeoutMs: 500 })).toBeTruthy();
    expect(validateRequest('verify.run', { buffers: [], reason: 'function', functionName: 'PageAllocator::alloc' })).toBeTruthy();
    expect(codeOf(() => validateRequest('verify.run', { buffers: {}, reason: 'edit' }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('verify.run', { buffers: [{ path: 'a' }], reason: 'edit' }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('verify.run', { buffers: [{ path: 'a', text: 'x', extra: 1 }], reason: 'edit' }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('verify.run', { buffers: [], reason: 'now' }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('verify.run', { buffers: [], reason: 'edit', timeoutMs: 1.5 }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('verify.run', { buffers: [], reason: 'edit', timeoutMs: 10 }))).toBe('invalid-argument');
    expect(codeOf(() => validateRequest('verify.run', { buffers: [], reason: 'edit', functionName: 'a; rm -rf' }))).toBe('invalid-argument');
  });

  it('accepts a profile request only for one named function', () => {
    const profile = validateRequest('verify.run', { buffers: [], reason: 'function', functionName: 'Kernel::spawn', profile: true });
    expect(profile.profile).toBe(true);
    const messageOf = (params: unknown) => {
      try {
        validateRequest('verify.run', params);
      } catch (e) {
        return e instanceof ApiError ? `${e.code}: ${e.message}` : String(e);
      }
      return 'accepted';
    };
    expect(messageOf({ buffers: [], reason: 'function', profile: true })).toBe("invalid-argument: verify.run: 'profile' needs 'functionName'");
    expect(messageOf({ buffers: [], reason: 'button', functionName: 'f', profile: true })).toBe("invalid-argument: verify.run: 'profile' needs reason 'function'");
    expect(messageOf({ buffers: [], reason: 'edit', profile: true })).toMatch(/^invalid-argument: /);
    // only `true`: `false` would be a second spelling of "no profile"
    expect(messageOf({ buffers: [], reason: 'function', functionName: 'f', profile: false })).toBe("invalid-argument: verify.run: 'profile' must be true when given");
    expect(messageOf({ buffers: [], reason: 'function', functionName: 'f', profile: 'yes' })).toMatch(/must be true/);
    expect(messageOf({ buffers: [], reason: 'function', functionName: 'f', profile: 1 })).toMatch(/must be true/);
  });

  it('accepts a workbench layout and an editor session only in their shapes', () => {
    const ok = (params: unknown) => {
      try {
        validateRequest('settings.set', params);
        return true;
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 'invalid-argument') throw e;
        return false;
      }
    };
    expect(ok({ layout: { outer: { explorer: 16, center: 84 }, top: { editor: 70, right: 30 } } })).toBe(true);
    expect(ok({ layout: { outer: { explorer: 120, center: 0 } } })).toBe(false);
    expect(ok({ layout: { outer: { sidebar: 20 } } })).toBe(false);
    expect(ok({ layout: { left: { explorer: 20 } } })).toBe(false);
    expect(ok({ layout: { outer: { explorer: Number.NaN } } })).toBe(false);
    expect(ok({ session: { tabs: ['src/a.rs'], active: 'src/a.rs', cursors: { 'src/a.rs': { line: 3, column: 1 } } } })).toBe(true);
    expect(ok({ session: { tabs: [], active: null, cursors: {} } })).toBe(true);
    expect(ok({ session: { tabs: ['a\0b'], active: null, cursors: {} } })).toBe(false);
    expect(ok({ session: { tabs: Array.from({ length: 101 }, (_, i) => `f${i}.rs`), active: null, cursors: {} } })).toBe(false);
    expect(ok({ session: { tabs: [], active: null, cursors: { 'a.rs': { line: 0, column: 1 } } } })).toBe(false);
    expect(ok({ session: { tabs: [], active: null, cursors: {}, extra: 1 } })).toBe(false);
  });
});
