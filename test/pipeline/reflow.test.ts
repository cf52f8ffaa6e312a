import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout, measureLines, reflow } from '../../src-shared/pipeline/reflow';

const fixtures = join(__dirname, '../fixtures/pipeline');
const seeds = join(__dirname, '../../seeds');
const fixture = (name: string) => readFileSync(join(fixtures, `${name}.raw.txt`), 'utf8');
const layoutOf = (raw: string) => detectLayout(measureLines(raw));
const draft = (raw: string) => reflow({ raw, pieces: [], edits: [], flags: [], boundaries: [] });
const blocks = (raw: string) => draft(raw).pieces.map((piece) => raw.slice(piece.start, piece.end));
const lf = (...lines: string[]) => `${lines.join('\n')}\n`;

/** A hard-wrapped report at 14 characters a line, paragraphs indented with two ideographic spaces. */
const WRAPPED = [
  '米易县科协召开全委会议',
  '　　本报讯 近日,米易县科协',
  '召开第五届委员会第二次全体会',
  '议,审议通过了县科协年度工作',
  '报告。',
  '　　会议要求,各委员要立足岗',
  '位,积极参与科普活动,为全县',
  '高质量发展贡献力量。',
  '(米易县科协)',
];

describe('reflow: the layout from the page itself', () => {
  it('should read every seed as blank-line blocks', () => {
    const files = readdirSync(seeds).filter((file) => file.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(layoutOf(readFileSync(join(seeds, file), 'utf8')).kind, file).toBe('blank-line');
  });

  it('should find the wrap width and the indents of a hard-wrapped page', () => {
    expect(layoutOf(fixture('reflow-indented'))).toMatchObject({ kind: 'wrapped', width: 16, indented: true });
    expect(layoutOf(fixture('reflow-ascii-indent'))).toMatchObject({ kind: 'wrapped', width: 16, indented: true });
  });

  it('should find the width of column-wrapped text without indents, blank lines and all', () => {
    expect(layoutOf(fixture('reflow-column'))).toEqual({ kind: 'wrapped', width: 14, fullFrom: 13, indented: false });
  });

  it('should read a page as wrapped when the engine set blank lines inside its paragraphs', () => {
    expect(layoutOf(fixture('reflow-ocr-short-runs'))).toMatchObject({ kind: 'wrapped', width: 20 });
  });

  it('should take the width whose band holds most lines when scattered lengths tie for the mode', () => {
    expect(layoutOf(fixture('reflow-ocr-width-tie'))).toMatchObject({ kind: 'wrapped', width: 19 });
  });

  it('should take lines a character or two short as full where an OCR engine scatters the lengths', () => {
    expect(layoutOf(fixture('reflow-ocr-width-scatter'))).toEqual({
      kind: 'wrapped',
      width: 17,
      fullFrom: 15,
      indented: false,
    });
  });

  it('should measure letter-spaced lines without their spaces', () => {
    expect(layoutOf(fixture('reflow-letter-spaced'))).toMatchObject({ kind: 'wrapped', width: 15 });
    const [spaced] = measureLines('本 报 讯   近 日 ， 岳 池 县 科 协 第 八\n');
    expect(spaced).toMatchObject({ spaced: true, chars: 13, indented: false });
    expect(measureLines('本版协办单位 (排名不分先后)\n')[0].spaced).toBe(false);
  });

  it('should count an indent as the two characters it occupies', () => {
    expect(measureLines('　　本报讯 近日,米易县科协\n')[0]).toMatchObject({ indented: true, chars: 14 });
    expect(measureLines('    巡展中,科普志愿者\n')[0]).toMatchObject({ indented: true, chars: 11 });
    expect(measureLines('      六个空格不是缩进\n')[0].indented).toBe(false);
  });

  it('should not judge a page with too few lines', () => {
    expect(layoutOf(lf(...WRAPPED.slice(0, 7))).kind).toBe('blank-line');
    expect(layoutOf(lf(...WRAPPED)).kind).toBe('wrapped');
  });

  it('should read short lines each followed by a blank line as blank-line blocks, whatever their width', () => {
    expect(layoutOf(fixture('sponsors-many-lines')).kind).toBe('blank-line');
    expect(layoutOf(WRAPPED.join('\n\n')).kind).toBe('blank-line');
  });

  it('should read a page of whole paragraphs, one a line, as blank-line blocks', () => {
    expect(layoutOf(fixture('no-blank-lines')).kind).toBe('blank-line');
    expect(layoutOf(fixture('single-newline-blocks')).kind).toBe('blank-line');
  });
});

describe('reflow: paragraphs of a wrapped page', () => {
  it('should make one block of each paragraph and keep headline and credit apart', () => {
    expect(blocks(lf(...WRAPPED))).toEqual([
      WRAPPED[0],
      WRAPPED.slice(1, 5).join('\n').trim(),
      WRAPPED.slice(5, 8).join('\n').trim(),
      WRAPPED[8],
    ]);
  });

  it('should go on past a short line that ends no sentence when the next is not indented', () => {
    const lines = [...WRAPPED.slice(0, 3), '议,审议通过了', '县科协年度工作报告。', ...WRAPPED.slice(5)];
    expect(blocks(lf(...lines))[1]).toBe(lines.slice(1, 5).join('\n').trim());
  });

  it('should give classify the unwrapped text, and each paragraph its lines', () => {
    const [, lead] = draft(lf(...WRAPPED)).pieces;
    expect(lead.text).toBe('本报讯 近日,米易县科协召开第五届委员会第二次全体会议,审议通过了县科协年度工作报告。');
    expect(lead.lines).toBe(4);
  });

  it('should keep a first line without punctuation with the line a word runs on into', () => {
    const lines = [
      '苍溪县',
      '苍溪县科协发挥专业优',
      '势，在猕猴桃、茶叶等特色',
      '产业中开展技术培训20余',
      '场，带动农户增收。',
    ];
    expect(blocks(lf(...WRAPPED, ...lines)).slice(-2)).toEqual([lines[0], lines.slice(1).join('\n')]);
  });

  it('should keep a headline apart from the next line when the two only meet in a chance word', () => {
    // `基地` / `区…` reads `地区`, but no word was cut: the line below is another text.
    const lines = ['苍溪县建成科普示范基地', '区科协组织专家讲解,种植', '户纷纷点赞。'];
    expect(blocks(lf(...WRAPPED, ...lines)).slice(-2)).toEqual([lines[0], lines.slice(1).join('\n')]);
  });

  it('should make a headline read between the halves of a sentence a block of its own', () => {
    const lines = [
      '　　专家们一边讲解一边示范,',
      '并就种植户关心的品种改良、肥',
      '水管理等问题作了解答,帮助掌',
      '',
      '昭化区科协召开第二次代表大会',
      '握了实用技术。',
    ];
    expect(blocks(lf(...WRAPPED, ...lines)).slice(-3)).toEqual([
      lines.slice(0, 3).join('\n').trim(),
      lines[4],
      lines[5],
    ]);
  });

  it('should leave a blank-line page to chunk, unchanged', () => {
    const raw = readFileSync(join(fixtures, 'roundup.raw.txt'), 'utf8');
    expect(draft(raw).edits).toEqual([]);
    expect(draft(raw).pieces.length).toBeGreaterThan(3);
  });
});

describe('reflow: the engine’s letter-spacing and punctuation', () => {
  it('should remove the spaces between letter-spaced characters by edits, keeping a wider gap as one space', () => {
    const raw = fixture('reflow-letter-spaced');
    const spaces = draft(raw).edits.filter((edit) => edit.rule === 'reflow.letter-space');
    expect(spaces.length).toBeGreaterThan(20);
    for (const edit of spaces) expect(raw.slice(edit.start, edit.end)).toMatch(/^ +$/);
    expect(spaces.filter((edit) => edit.after === ' ').map((edit) => edit.before)).toEqual(['   ']);
  });

  it('should make a half-width mark full-width only where the page prints the full-width one more often', () => {
    const raw = fixture('reflow-letter-spaced');
    const marks = draft(raw).edits.filter((edit) => edit.rule === 'reflow.full-width');
    expect(marks.map((edit) => [raw.slice(edit.start, edit.end), edit.after])).toEqual([[',', '，']]);
    expect(draft(lf(...WRAPPED)).edits.filter((edit) => edit.rule === 'reflow.full-width')).toEqual([]);
  });
});
