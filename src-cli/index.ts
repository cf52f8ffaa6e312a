import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Command, Io } from './command';
import { describeError } from './files';

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
  if (name === '--version' || name === '-V') {
    io.stdout(`galley ${version()}\n`);
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr(`galley: unknown command "${name}"\n\n${await help()}`);
    return 2;
  }
  return command.run(rest, io);
}

async function help(): Promise<string> {
  const lines = ['Usage: galley <command> [options]', '       galley --help | --version', '', 'Commands:'];
  for (const name of commandNames()) {
    const command = await loadCommand(name);
    if (command) lines.push(`  ${name.padEnd(10)} ${command.summary}`, `  ${''.padEnd(10)} ${command.usage}`);
  }
  return `${lines.join('\n')}\n`;
}

function version(): string {
  const manifest = JSON.parse(
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../package.json'), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

/** The process's streams; on a terminal, a status line that other messages on stderr clear first. */
function processIo(): Io {
  const io: Io = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };
  if (!process.stderr.isTTY) return io;
  const CLEAR_LINE = '\r\x1b[K';
  let shown = false;
  return {
    ...io,
    stderr(text) {
      process.stderr.write(shown ? `${CLEAR_LINE}${text}` : text);
      shown = false;
    },
    status(line) {
      if (line === '' && !shown) return;
      process.stderr.write(`${CLEAR_LINE}${line}`);
      shown = line !== '';
    },
  };
}

/**
 * Runs a command as a process: its code becomes the exit code. Whatever escapes a command is
 * told in one line (the path and the reason for a file-system error), never as a stack trace.
 */
export async function runProcess(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv, processIo());
  } catch (error) {
    const path = (error as NodeJS.ErrnoException | null)?.path;
    process.stderr.write(`galley: ${path ? `${path}: ` : ''}${describeError(error)}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runProcess(process.argv.slice(2));
