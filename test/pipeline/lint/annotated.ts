import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../../src-shared/model/span';

/** A character error written into a fixture as `{{wrong|right}}`. */
export interface GoldError extends Span {
  wrong: string;
  right: string;
}

export interface AnnotatedPage {
  id: string;
  raw: string;
  gold: GoldError[];
}

const MARK = /\{\{([^|}]*)\|([^}]*)\}\}/g;

/** Strips the `{{wrong|right}}` marks, keeping the wrong text in the page and its raw span as gold. */
export function parseAnnotated(id: string, marked: string): AnnotatedPage {
  let raw = '';
  let last = 0;
  const gold: GoldError[] = [];
  for (const match of marked.matchAll(MARK)) {
    raw += marked.slice(last, match.index);
    const [, wrong, right] = match;
    gold.push({ start: raw.length, end: raw.length + wrong.length, wrong, right });
    raw += wrong;
    last = match.index + match[0].length;
  }
  raw += marked.slice(last);
  return { id, raw, gold };
}

export function readAnnotatedDir(dir: string): AnnotatedPage[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => parseAnnotated(name, readFileSync(join(dir, name), 'utf8')));
}
