import { describe, expect, it } from 'vitest';
import { exporters, pageText } from '../../src-shared/export';
import { decodeText, loadPage, OPTIONS } from './fixture';

const page = loadPage();
const text = pageText(page);

describe('plain text export', () => {
  it('should write each article as section, kicker, title, paragraphs, captions and credit', () => {
    expect(text.split('\n\n')[0]).toBe(
      [
        '【地方科协】',
        '成都市',
        '科普: "大篷车"进社区 & <走进> 校园',
        '本报讯 近日,成都市科协组织科普大篷车走进社区,为居民送去科普知识。活动吸引了数百名居民参与能。',
        '〔图为活动现场〕',
        '（本报记者 张三）',
      ].join('\n'),
    );
  });

  it('should write U+FFFD for a control character, as the TEI export does (the sample raw holds U+0008)', () => {
    expect(page.page.raw).toContain('\u0008');
    expect(text).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u007f]/);
    expect(text).toContain('广元市科协 and 开展活动\ufffd。');
  });

  it('should leave page furniture out', () => {
    expect(text).not.toContain('DI FANG KE XIE');
    expect(text).not.toContain('微信公众号');
  });

  it('should be NFC with LF line endings and a final newline', () => {
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('caf\u00e9');
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('should export as UTF-8 without a byte-order mark', async () => {
    const [file] = await exporters.txt.exportPage(page, 'p', OPTIONS);
    expect(file.name).toBe('p.txt');
    expect([...file.data.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeText(file.data)).toBe(text);
  });
});
