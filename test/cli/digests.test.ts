import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateCorpus } from '../../bench/corpus';
import { analysePages } from '../../src-cli/pages';
import { startRunner } from '../../src-cli/pool';
import { perform } from '../../src-cli/tasks';
import { analyzePage, corpusFlags, decodePage, withFlags } from '../../src-shared/pipeline';
import { contentHash } from '../../src-shared/pipeline/decode';
import { toPageResult } from '../../src-shared/pipeline/result';
import { removeTempDirs, ROOT, run, tempDir } from './support';

afterAll(removeTempDirs);

vi.setConfig({ testTimeout: 120_000 });

/**
 * Generated pages from the seeds' blocks, so paragraphs recur across pages as in an archive, and
 * one page twice under two names (one content, one id).
 */
function pages(count: number): string[] {
  const dir = tempDir();
  const sources = readdirSync(join(ROOT, 'seeds'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(ROOT, 'seeds', name), 'utf8'));
  const files: string[] = [];
  for (const page of generateCorpus({ pages: count, seed: 7, sources })) {
    files.push(join(dir, page.name));
    writeFileSync(files.at(-1)!, page.bytes);
  }
  copyFileSync(files[3], join(dir, 'again.txt'));
  return [...files, join(dir, 'again.txt')];
}

/** Each page's JSON as the batch analysed in memory all at once gives it: the app's corpus checks. */
async function inMemoryResults(files: readonly string[]): Promise<Map<string, string>> {
  const analysed = await Promise.all(
    files.map(async (file) => {
      const bytes = new Uint8Array(readFileSync(file));
      const raw = decodePage(bytes, basename(file)).text;
      return { file, raw, id: await contentHash(bytes), analysis: analyzePage(raw) };
    }),
  );
  const found = corpusFlags(analysed);
  return new Map(
    analysed.map(({ file, raw, id, analysis }) => [
      file,
      JSON.stringify(toPageResult(basename(file), raw, withFlags(analysis, found.get(id) ?? [])), null, 2),
    ]),
  );
}

describe('galley clean over many pages: each page waits on disk, only its digest in memory', () => {
  it('should write the bytes the whole batch analysed in memory gives, corpus flags and all', async () => {
    const files = pages(60);
    const expected = await inMemoryResults(files);
    const corpusRules = [...expected.values()].flatMap((text) => text.match(/"corpus\.[a-z-]+"/g) ?? []);
    expect(new Set(corpusRules)).toEqual(new Set(['"corpus.repeated"', '"corpus.name-variant"']));
    for (const jobs of ['1', '2']) {
      const out = tempDir();
      expect((await run('clean', ...files, '--out', out, '--jobs', jobs)).code).toBe(0);
      for (const file of files)
        expect(readFileSync(join(out, basename(file).replace(/\.txt$/, '.json')), 'utf8')).toBe(
          `${expected.get(file)}\n`,
        );
    }
  });

  it('should hold no page between its analysis and its output, and a digest of a few KB while the batch is analysed', async () => {
    const files = pages(40);
    const pageBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    const runner = startRunner(1, files.length);
    try {
      const { pages: held } = await analysePages(files, 'clean', { stdout() {}, stderr() {} }, runner);
      expect(held).toHaveLength(files.length);
      expect(serialize(held).length / files.length).toBeLessThan(1024);
    } finally {
      await runner.close();
    }
    const probes = tempDir();
    let digestBytes = 0;
    for (const [index, file] of files.entries()) {
      const result = await perform('analyse', { file, spooled: join(probes, String(index)) });
      expect(result).toHaveProperty('digest');
      expect(result).not.toHaveProperty('page');
      digestBytes += serialize(result).length;
    }
    expect(digestBytes / pageBytes).toBeLessThan(0.3);
  });
});
