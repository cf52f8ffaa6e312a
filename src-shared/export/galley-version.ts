import { version } from '../../package.json';

/** Written into every export so a reader knows which Galley (and pipeline) made it. */
export const GALLEY_VERSION: string = version;
