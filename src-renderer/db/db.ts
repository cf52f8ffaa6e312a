import { GalleyDB } from './schema';

/** The app's one database. Code that must run against another (tests, benchmarks) takes a GalleyDB. */
export const db = new GalleyDB();
