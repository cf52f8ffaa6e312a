import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { run } from '../cli/support';
import { parseDocumentJson, serializeDocument } from '../../src-shared/export';
import { materialize } from '../../src-shared/model';
import { child, children, parseTree, path } from './xml-tree';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const seeds = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => join(SEEDS, name));
const temp = mkdtempSync(join(tmpdir(), 'galley-export-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
/** Each case runs the whole pipeline on the seeds: seconds on a busy two-core machine, as in test/cli. */
vi.setConfig({ testTimeout: 60_000 });

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('galley export (CLI, real pipeline)', () => {
  it('should export every seed as well-formed TEI with one issue per file and its articles', async () => {
    const out = join(temp, 'tei');
    const { code, stdout } = await run('export', ...seeds, '--format', 'tei', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain(`wrote ${seeds.length + 1} files`);
    const xmlFiles = listFiles(out).filter((name) => name.endsWith('.xml'));
    expect(xmlFiles).toHaveLength(seeds.length);
    for (const name of xmlFiles) {
      const xml = readFileSync(join(out, name), 'utf8');
      expect(XMLValidator.validate(xml), name).toBe(true);
      const issue = child(path(parseTree(xml), 'text', 'body'), 'div', { type: 'page' });
      const articles = children(issue, 'div', { type: 'article' });
      expect(articles.length, name).toBeGreaterThan(0);
      for (const article of articles)
        expect(
          article.children.some((c) => c.name === 'p' || c.name === 'div'),
          `${name} ${article.attrs['xml:id']}`,
        ).toBe(true);
    }
    expect(
      readFileSync(join(out, 'report.md'), 'utf8')
        .split('\n')
        .filter((line) => /^\| \d/.test(line)),
    ).toHaveLength(seeds.length);
  });

  it('should export JSON that imports back to the same bytes and the same clean page', async () => {
    const out = join(temp, 'json');
    expect((await run('export', seeds[0], '--format', 'json', '--out', out)).code).toBe(0);
    const [name] = listFiles(out).filter((file) => file.endsWith('.json'));
    const text = readFileSync(join(out, name), 'utf8');
    const document = parseDocumentJson(text);
    expect(serializeDocument(document)).toBe(text);
    const [{ page, analysis, clean }] = document.pages;
    expect(page.raw).toBe(readFileSync(seeds[0], 'utf8').replace(/^\uFEFF/, ''));
    expect(materialize(page.raw, analysis)).toEqual(clean);
  });

  it('should export Markdown articles whose front matter parses', async () => {
    const out = join(temp, 'md');
    expect((await run('export', seeds[1], '--format', 'md', '--out', out)).code).toBe(0);
    const articles = listFiles(out).filter((file) => file.endsWith('.md') && file !== 'report.md');
    expect(articles.length).toBeGreaterThan(1);
    for (const file of articles) {
      const matter = parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(out, file), 'utf8'))![1]);
      expect(matter).toMatchObject({ source: '001_f633f705ac59ae29.txt', title: expect.any(String) });
      expect(file.startsWith('001_f633f705ac59ae29/')).toBe(true);
    }
  });

  it('should export text and DOCX', async () => {
    const out = join(temp, 'mixed');
    expect((await run('export', seeds[2], '--format', 'txt', '--out', out)).code).toBe(0);
    expect((await run('export', seeds[2], '--format', 'docx', '--out', out)).code).toBe(0);
    const files = listFiles(out);
    const text = readFileSync(
      join(
        out,
        files.find((file) => file.endsWith('.txt'))!,
      ),
      'utf8',
    );
    expect(text).toBe(text.normalize('NFC'));
    const docx = unzipSync(
      new Uint8Array(
        readFileSync(
          join(
            out,
            files.find((file) => file.endsWith('.docx'))!,
          ),
        ),
      ),
    );
    const firstLine = text.split('\n').find((line) => !line.startsWith('【'))!;
    expect(new TextDecoder().decode(docx['word/document.xml'])).toContain(firstLine.slice(0, 6));
  });

  it('should name an unreadable file and its reason, and still export the others', async () => {
    const binary = join(temp, 'image.txt');
    writeFileSync(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const out = join(temp, 'partial');
    const { code, stderr } = await run(
      'export',
      binary,
      join(temp, 'missing.txt'),
      seeds[3],
      '--format',
      'txt',
      '--out',
      out,
    );
    expect(code).toBe(1);
    expect(stderr).toContain(`${binary}: this is a PNG image file, not text`);
    expect(stderr).toContain('missing.txt: no such file');
    expect(listFiles(out)).toEqual(['003_feb7e2b1474b1bef.clean.txt', 'report.md']);
  });

  it('should refuse an unknown format or a missing --out with usage', async () => {
    const unknown = await run('export', seeds[0], '--format', 'pdf', '--out', temp);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^galley export: --format must be one of tei, md, txt, json, docx \(usage: galley export PATH\.\.\..*\)\n$/,
    );
    expect((await run('export', seeds[0], '--format', 'tei')).stderr).toContain('--out DIR is required');
  });
});
