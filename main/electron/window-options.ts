// The BrowserWindow's security settings, kept as plain data so a test can check them without
// Electron: isolated, sandboxed, no Node in the renderer, web security on.
export const APP_SCHEME = 'stratos';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export function windowOptions(preloadPath: string) {
  return {
    width: 1400,
    height: 900,
    title: 'Stratosphere',
    backgroundColor: '#1e1e1e',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  } as const;
}

/** Only the app's own pages may call the API. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app';
  } catch {
    return false;
  }
}
