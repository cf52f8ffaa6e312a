import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../src-shared/export/registry';
import type { ExportPhase } from '../../src-renderer/services/export';

const LOCALES = join(import.meta.dirname, '../../src-renderer/i18n/locales');
const LANGUAGES = ['zh', 'en'];
const PHASES: readonly ExportPhase[] = ['reading', 'writing', 'saving'];

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix.replace(/_(one|other)$/, '')];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const load = (language: string) => JSON.parse(readFileSync(join(LOCALES, language, 'export.json'), 'utf8'));

describe('export locales', () => {
  it('should have the same keys in Chinese and English', () => {
    expect([...new Set(keys(load('en')))].sort()).toEqual([...new Set(keys(load('zh')))].sort());
  });

  it('should name and explain every export format and every progress phase', () => {
    for (const language of LANGUAGES) {
      const strings = load(language);
      for (const format of EXPORT_FORMATS) {
        expect(strings.format[format]?.name, `${language} format.${format}.name`).toBeTypeOf('string');
        expect(strings.format[format]?.hint, `${language} format.${format}.hint`).toBeTypeOf('string');
      }
      for (const phase of PHASES) expect(strings.progress[phase], `${language} progress.${phase}`).toBeTypeOf('string');
    }
  });
});
