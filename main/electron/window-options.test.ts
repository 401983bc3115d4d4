import { describe, expect, it } from 'vitest';
import { isTrustedSender, windowOptions } from './window-options';

describe('Electron window options', () => {
  it('isolates and sandboxes the renderer', () => {
    const { webPreferences } = windowOptions('/x/preload.cjs');
    expect(webPreferences.contextIsolation).toBe(true);
    expect(webPreferences.sandbox).toBe(true);
    expect(webPreferences.nodeIntegration).toBe(false);
    expect(webPreferences.webSecurity).toBe(true);
    expect(webPreferences.webviewTag).toBe(false);
    expect(webPreferences.preload).toBe('/x/preload.cjs');
  });

  it('trusts only the app origin as an IPC sender', () => {
    expect(isTrustedSender('stratos://app/index.html')).toBe(true);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('stratos://other/index.html')).toBe(false);
    expect(isTrustedSender('file:///etc/passwd')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('not a url')).toBe(false);
  });
});
