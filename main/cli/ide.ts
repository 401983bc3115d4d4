// `stratos ide`: opens the IDE in Electron when its binary is installed, otherwise (or with
// --web) serves it to a browser from 127.0.0.1 with a per-start token.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { crashSolverWorkersForTests } from '../../toolchain/verifier/thread/verifier-thread';
import { WorkspaceService } from '../../toolchain/workspace/workspace-service';
import { createDispatcher } from '../api/dispatcher';
import { startWebHost } from '../web/server';
import { ideHelp, parseIdeArgs } from './args';
import { findElectronBinary } from './electron-binary';
import { bundledWorkspace, electronDist, packageRoot, rendererDist, rendererIsBuilt } from './paths';

function ensureBuilt(needElectron: boolean): void {
  const missing = !rendererIsBuilt() || (needElectron && !existsSync(path.join(electronDist, 'main.mjs')));
  if (!missing) return;
  process.stderr.write('Building the IDE (first start) ...\n');
  const result = spawnSync(process.execPath, [path.join(packageRoot, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: packageRoot });
  if (result.status !== 0) throw new Error('building the IDE failed (see above)');
}

function openBrowser(url: string): void {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) {
    process.stderr.write('No display found: open the URL above in a browser.\n');
    return;
  }
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`Could not start '${opener}': open the URL above in a browser.\n`));
  child.unref();
}

/**
 * Fault injection for the e2e tests, off unless STRATOS_TEST_HOOKS=1: SIGUSR2 crashes one solver
 * worker (in the verifier's thread), as a wasm abort or an out-of-memory would. No API surface is
 * added for it.
 */
function installTestHooks(): void {
  process.on('SIGUSR2', () => {
    crashSolverWorkersForTests();
    process.stderr.write('test hook: crashed one solver worker\n');
  });
}

export async function run(args: string[]): Promise<number> {
  let options;
  try {
    options = parseIdeArgs(args);
  } catch (e) {
    process.stderr.write(`stratos ide: ${(e as Error).message}\n\n${ideHelp}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(ideHelp + '\n');
    return 0;
  }
  const workspaceDir = path.resolve(options.workspace ?? bundledWorkspace);
  if (!existsSync(workspaceDir) || !statSync(workspaceDir).isDirectory()) {
    process.stderr.write(`stratos ide: workspace '${workspaceDir}' is not a directory\n`);
    return 2;
  }

  if (!options.web) {
    const electron = findElectronBinary(packageRoot);
    if ('binary' in electron) {
      ensureBuilt(true);
      const child = spawn(electron.binary, [path.join(electronDist, 'main.mjs'), '--workspace', workspaceDir], { stdio: 'inherit' });
      return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
    }
    process.stderr.write(`${electron.missing}; starting the IDE in browser mode instead.\n`);
  }

  ensureBuilt(false);
  const dispatcher = await createDispatcher(new WorkspaceService(workspaceDir), 'web');
  let host;
  try {
    host = await startWebHost({ dispatcher, staticDir: rendererDist, port: options.port });
  } catch (e) {
    await dispatcher.close();
    process.stderr.write(`stratos ide: cannot listen on 127.0.0.1:${options.port}: ${(e as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`Stratosphere IDE listening on ${host.url}\n`);
  if (process.env.STRATOS_TEST_HOOKS === '1') installTestHooks();
  if (options.open) openBrowser(host.url);

  return new Promise((resolve) => {
    const stop = async () => {
      // Never hang on the way out: solver threads or sockets that do not close in time are cut.
      setTimeout(() => process.exit(0), 3000).unref();
      await host.close();
      await dispatcher.close();
      resolve(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });
}
