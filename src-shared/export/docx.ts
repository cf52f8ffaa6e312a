import type { Paragraph, TextRun } from 'docx';
import type { Article } from '../model';
import { GALLEY_VERSION } from './galley-version';
import { isoDate, joinLines, NEWSPAPER_TITLE, stem } from './text-utils';
import type { ExportablePage, Exporter } from './types';
import { xmlCharacters } from './xml';

type Docx = typeof import('docx');

/**
 * Word for editors who deliver there: titles and subheads are real headings, so Word's navigation
 * works. The docx library is loaded on first use, keeping it out of the app's start-up bundle.
 */
export async function pageDocx(page: ExportablePage): Promise<Uint8Array> {
  const docx = await import('docx');
  const { Document, Packer } = docx;
  const document = new Document({
    creator: `Galley ${GALLEY_VERSION}`,
    title: `${NEWSPAPER_TITLE} ${stem(page.page.name)}`,
    description: `Cleaned from ${page.page.name} (sha256 ${page.page.id}); ${reviewNote(page)}`,
    ...(page.reviewer === undefined ? {} : { lastModifiedBy: page.reviewer }),
    sections: [{ children: page.clean.articles.flatMap((article) => articleParagraphs(docx, article)) }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function reviewNote({ reviewer, reviewedAt }: ExportablePage): string {
  if (reviewer === undefined) return 'not reviewed';
  return reviewedAt === undefined ? `approved by ${reviewer}` : `approved by ${reviewer} on ${isoDate(reviewedAt)}`;
}

function articleParagraphs({ AlignmentType, HeadingLevel, Paragraph, TextRun }: Docx, article: Article): Paragraph[] {
  const run = (text: string, style: { bold?: boolean; italics?: boolean; color?: string } = {}): TextRun => new TextRun({ text: xmlCharacters(joinLines(text)), ...style });
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

export const docxExporter: Exporter = {
  format: 'docx',
  label: 'Word (DOCX)',
  extension: 'docx',
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  async exportPage(page, baseName) {
    return [{ name: `${baseName}.docx`, data: await pageDocx(page) }];
  },
};
