/** Where a command writes; injected so tests can capture output without spawning a process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Shows how far a long run is, one line redrawn in place; `''` clears it. Absent where nobody
   * watches (stderr not a terminal: a log, a pipe, a test), so progress never pollutes output.
   */
  status?(line: string): void;
}

/** One `galley <name>` command: a module in `src-cli/commands/<name>.ts` exporting it as default. */
export interface Command {
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(argv: string[], io: Io): Promise<number>;
}
