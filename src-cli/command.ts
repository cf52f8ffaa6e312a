/** Where a command writes; injected so tests can capture output without spawning a process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One `galley <name>` command: a module in `src-cli/commands/<name>.ts` exporting it as default. */
export interface Command {
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(argv: string[], io: Io): Promise<number>;
}
