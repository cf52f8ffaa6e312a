// The entry of a worker thread of the CLI's pool (./pool.ts). A worker does not inherit the
// TypeScript loader its parent runs under (`tsx`, or bin/galley.mjs's `register()`), so it
// registers the loader itself before importing the TypeScript that does the work.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
