#!/usr/bin/env node
// `galley …` (npx galley, or the bin an install links): the TypeScript CLI through tsx's loader,
// so an installed checkout runs the same source as `npm run cli`.
import { register } from 'tsx/esm/api';

register();
const { runProcess } = await import('../src-cli/index.ts');
await runProcess(process.argv.slice(2));
