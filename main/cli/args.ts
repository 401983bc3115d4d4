// Options of `stratos ide`, parsed strictly: an unknown flag is an error, not a guess.

export interface IdeOptions {
  web: boolean;
  port: number;
  workspace: string | undefined;
  open: boolean;
  help: boolean;
}

export const ideHelp = `Usage: stratos ide [--web] [--port N] [--workspace DIR] [--no-open]

Starts the Stratosphere IDE on a workspace (default: the bundled Nimbus kernel, kernel-workspace/).

  --web             serve the IDE to a browser on 127.0.0.1 instead of opening Electron
                    (also the fallback when Electron's binary is not installed)
  --port N          port for --web (default 0: a free port)
  --workspace DIR   the workspace folder to open
  --no-open         do not open a browser window in web mode
  -h, --help        this help

In web mode it prints: Stratosphere IDE listening on http://127.0.0.1:PORT/?token=TOKEN
The token is new at each start and required on every request.`;

export function parseIdeArgs(args: string[]): IdeOptions {
  const options: IdeOptions = { web: false, port: 0, workspace: undefined, open: true, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === 'ide') continue;
    else if (arg === '--web') options.web = true;
    else if (arg === '--no-open') options.open = false;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const raw = arg.includes('=') ? arg.slice('--port='.length) : value();
      const port = Number(raw);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got '${raw}'`);
      options.port = port;
    } else if (arg === '--workspace' || arg.startsWith('--workspace=')) {
      options.workspace = arg.includes('=') ? arg.slice('--workspace='.length) : value();
    } else throw new Error(`unknown option '${arg}'`);
  }
  return options;
}
