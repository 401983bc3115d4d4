// Electron main process: one window on the app protocol, the API over IPC with every sender and
// argument checked, navigation and new windows denied, no permissions granted.
import { app, BrowserWindow, ipcMain, protocol, session, net } from 'electron';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WorkspaceService } from '../../toolchain/workspace/workspace-service';
import { createDispatcher } from '../api/dispatcher';
import { contentSecurityPolicy } from '../web/csp';
import { APP_ORIGIN, APP_SCHEME, isTrustedSender, windowOptions } from './window-options';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function workspaceArg(): string {
  const i = process.argv.indexOf('--workspace');
  const given = i >= 0 ? process.argv[i + 1] : undefined;
  return path.resolve(given ?? path.join(process.resourcesPath ?? '.', 'kernel-workspace'));
}

async function main(): Promise<void> {
  await app.whenReady();
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = path.join(here, '..', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(rendererDir, '.' + relative);
    if (url.host !== 'app' || !file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy());
    return new Response(response.body, { status: response.status, headers });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const dispatcher = await createDispatcher(new WorkspaceService(workspaceArg()), 'electron');
  const window = new BrowserWindow(windowOptions(path.join(here, 'preload.cjs')));
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  const closeCallbacks: (() => void)[] = [];
  const client = { onClose: (callback: () => void) => void closeCallbacks.push(callback) };
  // A reload or a closed window ends what the page started (a QEMU boot).
  window.webContents.on('did-start-navigation', (_e, _url, isInPlace, isMainFrame) => {
    if (isMainFrame && !isInPlace) for (const callback of closeCallbacks.splice(0)) callback();
  });
  window.on('closed', () => {
    for (const callback of closeCallbacks.splice(0)) callback();
  });
  ipcMain.handle('stratos:call', async (event, method: unknown, params: unknown) => {
    if (event.sender !== window.webContents || !isTrustedSender(event.senderFrame?.url)) {
      return { error: { code: 'invalid-argument', message: 'request from an untrusted frame' } };
    }
    return dispatcher.handle(method, params, client);
  });
  const unsubscribe = dispatcher.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send('stratos:event', name, payload);
  });

  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('window-all-closed', async () => {
    unsubscribe();
    await dispatcher.close();
    app.quit();
  });
}

main().catch((e) => {
  console.error(e);
  app.exit(1);
});
