import { config } from 'zod/v4/core';

/**
 * Zod compiles fast parsers with `new Function`, after probing whether eval is allowed; under the
 * app's CSP (script-src 'self') that probe is reported as a violation even though Zod catches it.
 * Jitless skips the probe and the compiled path. Imported first by every entry point whose bundle
 * holds zod (the page, its workers, Electron's main process), before any schema parses.
 */
config({ jitless: true });
