import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exporters, pageDocx } from '../../src-shared/export';
import { decodeText, loadPage, OPTIONS } from './fixture';

const page = loadPage();
const archive = unzipSync(await pageDocx(page));
const documentXml = decodeText(archive['word/document.xml']);

/** Each `<w:p>` of the body: its style (if any), whether a run is italic, and its text. */
function paragraphs(xml: string): Array<{ style: string | null; italic: boolean; text: string }> {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((match) => {
    const inner = match[1] ?? match[2];
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? null,
      italic: /<w:i\/>|<w:i w:val="true"\/>/.test(inner),
      text: [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    };
  });
}

describe('DOCX export', () => {
  it('should be a zip with the parts Word needs', () => {
    expect(Object.keys(archive)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'docProps/core.xml']),
    );
  });

  it('should contain every article text in reading order', () => {
    const texts = paragraphs(documentXml).map((p) => p.text);
    const expected = [
      '【地方科协】',
      '成都市',
      '科普: &quot;大篷车&quot;进社区 &amp; &lt;走进&gt; 校园',
      '本报讯 近日,成都市科协组织科普大篷车走进社区,为居民送去科普知识。活动吸引了数百名居民参与能。',
      '图为活动现场',
      '（本报记者 张三）',
    ];
    expect(texts.slice(0, expected.length)).toEqual(expected);
    expect(texts).toContain('达州市科协在café召开会议。');
    expect(texts).toContain('广元市科协 and 开展活动\ufffd。');
  });

  it('should make titles and subheads headings and captions italic', () => {
    const all = paragraphs(documentXml);
    expect(all.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      '科普: &quot;大篷车&quot;进社区 &amp; &lt;走进&gt; 校园',
      '- 各地动态 #1',
    ]);
    expect(all.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(['达州市', '广元市']);
    expect(all.filter((p) => p.italic).map((p) => p.text)).toEqual(['图为活动现场']);
  });

  it('should name the source and Galley in the document properties', () => {
    const core = decodeText(archive['docProps/core.xml']);
    expect(core).toContain('四川科技报 001_sample-page');
    expect(core).toContain('Galley ');
  });

  it('should name the reviewer and the date of the approval in the document properties', () => {
    const core = decodeText(archive['docProps/core.xml']);
    expect(core).toContain('<cp:lastModifiedBy>王编辑</cp:lastModifiedBy>');
    expect(core).toContain(`approved by 王编辑 on ${new Date(page.reviewedAt!).toISOString()}`);
  });

  it('should export through the registry as one .docx file', async () => {
    const files = await exporters.docx.exportPage(page, 'p', OPTIONS);
    expect(files.map((file) => file.name)).toEqual(['p.docx']);
    expect(unzipSync(files[0].data)['word/document.xml']).toBeDefined();
  });
});
