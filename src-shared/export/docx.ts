import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Article } from '../model';
import { GALLEY_VERSION } from './galley-version';
import { joinLines, NEWSPAPER_TITLE, stem } from './text-utils';
import type { ExportablePage, Exporter } from './types';
import { xmlCharacters } from './xml';

/** Word for editors who deliver there: titles and subheads are real headings, so Word's navigation works. */
export async function pageDocx(page: ExportablePage): Promise<Uint8Array> {
  const document = new Document({
    creator: `Galley ${GALLEY_VERSION}`,
    title: `${NEWSPAPER_TITLE} ${stem(page.page.name)}`,
    description: `Cleaned from ${page.page.name} (sha256 ${page.page.id})`,
    sections: [{ children: page.clean.articles.flatMap(articleParagraphs) }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function articleParagraphs(article: Article): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  if (article.section) paragraphs.push(new Paragraph({ children: [run(`【${article.section}】`, { bold: true, color: '666666' })] }));
  if (article.kicker) paragraphs.push(new Paragraph({ children: [run(article.kicker, { bold: true })] }));
  paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(article.title)] }));
  for (const block of article.blocks) {
    paragraphs.push(
      block.type === 'subhead'
        ? new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(block.text)] })
        : new Paragraph({ children: [run(block.text)] }),
    );
  }
  for (const caption of article.captions) paragraphs.push(new Paragraph({ children: [run(caption, { italics: true })] }));
  if (article.byline) paragraphs.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`（${article.byline}）`)] }));
  return paragraphs;
}

function run(text: string, style: { bold?: boolean; italics?: boolean; color?: string } = {}): TextRun {
  return new TextRun({ text: xmlCharacters(joinLines(text)), ...style });
}

export const docxExporter: Exporter = {
  format: 'docx',
  label: 'Word (DOCX)',
  extension: 'docx',
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  async exportPage(page, baseName) {
    return [{ name: `${baseName}.docx`, data: await pageDocx(page) }];
  },
};
