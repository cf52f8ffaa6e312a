import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Command, Io } from './command';

/**
 * `galley <command> [args]`. Commands are the modules in ./commands, found by file name, so a
 * new command is one new file.
 */
const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

export function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((file) => /^[a-z][a-z-]*\.ts$/.test(file) && !file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -3))
    .sort();
}

export async function loadCommand(name: string): Promise<Command | null> {
  if (!commandNames().includes(name)) return null;
  const module = (await import(pathToFileURL(join(commandsDir, `${name}.ts`)).href)) as { default: Command };
  return module.default;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await help());
    return name ? 0 : 2;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr(`galley: unknown command "${name}"\n\n${await help()}`);
    return 2;
  }
  return command.run(rest, io);
}

async function help(): Promise<string> {
  const lines = ['Usage: galley <command> [options]', '', 'Commands:'];
  for (const name of commandNames()) {
    const command = await loadCommand(name);
    if (command) lines.push(`  ${name.padEnd(10)} ${command.summary}`, `  ${''.padEnd(10)} ${command.usage}`);
  }
  return `${lines.join('\n')}\n`;
}

const io: Io = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`galley: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
