import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS } from '../../../src-shared/review';
import { EDIT_STATUSES, FLAG_STATUSES, NEEDS_LOOK_REASONS, SPLIT_STATUSES } from '../../../src-shared/model';

const LOCALES = join(import.meta.dirname, '../../../src-renderer/i18n/locales');

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix.replace(/_(one|other)$/, '')];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const load = (language: string) => JSON.parse(readFileSync(join(LOCALES, language, 'desk.json'), 'utf8'));

describe('desk locales', () => {
  it('should have the same keys in Chinese and English', () => {
    expect([...new Set(keys(load('en')))].sort()).toEqual([...new Set(keys(load('zh')))].sort());
  });

  it('should name every history label the review module can record', () => {
    for (const language of ['zh', 'en']) {
      const history = load(language).history;
      for (const label of ACTION_LABELS) {
        const [group, name] = label.split('.');
        expect(history[group]?.[name], `${language} history.${label}`).toBeTypeOf('string');
      }
    }
  });

  it('should say in words every reason a re-analysis can give for a decision needing a look', () => {
    for (const language of ['zh', 'en']) {
      const { reason } = load(language).reanalysis;
      for (const why of NEEDS_LOOK_REASONS)
        expect(reason[why], `${language} reanalysis.reason.${why}`).toBeTypeOf('string');
    }
  });

  it('should say in words, not as a code, every decision a re-analysis can leave needing a look', () => {
    const kinds = [
      ...SPLIT_STATUSES.map((status) => `split.${status}`),
      'split.editor',
      ...EDIT_STATUSES.map((status) => `edit.${status}`),
      ...FLAG_STATUSES.map((status) => `flag.${status}`),
      ...['replace', 'extract', 'join', 'move', 'role', 'set-text', 'set-field', 'set-captions'].map(
        (op) => `editor.${op}`,
      ),
    ];
    for (const language of ['zh', 'en']) {
      const what = load(language).reanalysis.what;
      for (const kind of kinds) {
        const [group, name] = kind.split('.');
        expect(what[group]?.[name], `${language} reanalysis.what.${kind}`).toBeTypeOf('string');
      }
    }
  });
});
