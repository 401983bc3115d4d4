// Dispatch of `stratos <command>` for every toolchain command. Each command lives in its own
// module exporting `run(args): Promise<number>` (the exit code) and `help` (its --help text).

export interface CommandModule {
  run(args: string[]): Promise<number>;
  help: string;
}

const commands: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  verify: { summary: 'verify annotated Rust with Z3', load: () => import('./verify') },
  stats: { summary: 'proof-to-code statistics', load: () => import('./stats') },
  build: { summary: 'erase ghost code, compile and link the kernel image', load: () => import('./build') },
  boot: { summary: 'build, then boot the kernel in QEMU', load: () => import('./boot') },
};

export const usage = `Usage: stratos <command> [options]

Commands:
  ide      start the IDE (Electron, or the browser with --web)
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Run \`stratos <command> --help\` for a command's options.`;

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage + '\n');
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`stratos: unknown command '${name}'\n\n${usage}\n`);
    return 2;
  }
  const module = await command.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(module.help + '\n');
    return 0;
  }
  return module.run(rest);
}
