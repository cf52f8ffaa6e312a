import type { Paragraph, TextRun } from 'docx';
import type { Article } from '../model';
import { GALLEY_VERSION } from './galley-version';
import { issueEntries, issueTitle, pageLabel } from './issue';
import { isoDate, joinLines, NEWSPAPER_TITLE, stem } from './text-utils';
import type { ExportableIssue, ExportablePage, Exporter } from './types';
import { xmlCharacters } from './xml';

type Docx = typeof import('docx');

/**
 * Word for editors who deliver there: titles and subheads are real headings, so Word's navigation
 * works. The docx library is loaded on first use, keeping it out of the app's start-up bundle.
 */
export async function pageDocx(page: ExportablePage): Promise<Uint8Array> {
  const docx = await import('docx');
  return packed(docx, {
    title: `${NEWSPAPER_TITLE} ${stem(page.page.name)}`,
    description: `Cleaned from ${page.page.name} (sha256 ${page.page.id}); ${reviewNote(page)}`,
    ...(page.reviewer === undefined ? {} : { lastModifiedBy: page.reviewer }),
    sections: [page.clean.articles.flatMap((article) => articleParagraphs(docx, article, 0))],
  });
}

/** A whole issue: one Word section per page (each starts on a new page), headed by its page label, articles one heading level below. */
export async function issueDocx(exportable: ExportableIssue): Promise<Uint8Array> {
  const docx = await import('docx');
  const { HeadingLevel, Paragraph } = docx;
  const entries = issueEntries(exportable);
  return packed(docx, {
    title: issueTitle(exportable.issue),
    description: `Cleaned from ${entries.map(({ page }) => page.page.name).join(', ')}`,
    sections: entries.map(({ entry, page }) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [textRun(docx, pageLabel(entry, page))] }),
      ...page.clean.articles.flatMap((article) => articleParagraphs(docx, article, 1)),
    ]),
  });
}

interface DocumentFields {
  title: string;
  description: string;
  lastModifiedBy?: string;
  sections: Paragraph[][];
}

async function packed(docx: Docx, { sections, ...fields }: DocumentFields): Promise<Uint8Array> {
  const document = new docx.Document({
    creator: `Galley ${GALLEY_VERSION}`,
    ...fields,
    sections: sections.map((children) => ({ children })),
  });
  return new Uint8Array(await docx.Packer.toArrayBuffer(document));
}

function reviewNote({ reviewer, reviewedAt }: ExportablePage): string {
  if (reviewer === undefined) return 'not reviewed';
  return reviewedAt === undefined ? `approved by ${reviewer}` : `approved by ${reviewer} on ${isoDate(reviewedAt)}`;
}

function textRun(
  { TextRun }: Docx,
  text: string,
  style: { bold?: boolean; italics?: boolean; color?: string } = {},
): TextRun {
  return new TextRun({ text: xmlCharacters(joinLines(text)), ...style });
}

/** `depth` heading levels below the top: 0 in a page's document, 1 under an issue's page heading. */
function articleParagraphs(docx: Docx, article: Article, depth: 0 | 1): Paragraph[] {
  const { AlignmentType, HeadingLevel, Paragraph } = docx;
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  const run = (text: string, style?: Parameters<typeof textRun>[2]) => textRun(docx, text, style);
  const paragraphs: Paragraph[] = [];
  if (article.section)
    paragraphs.push(new Paragraph({ children: [run(`【${article.section}】`, { bold: true, color: '666666' })] }));
  if (article.kicker) paragraphs.push(new Paragraph({ children: [run(article.kicker, { bold: true })] }));
  paragraphs.push(new Paragraph({ heading: levels[depth], children: [run(article.title)] }));
  for (const block of article.blocks) {
    paragraphs.push(
      block.type === 'subhead'
        ? new Paragraph({ heading: levels[depth + 1], children: [run(block.text)] })
        : new Paragraph({ children: [run(block.text)] }),
    );
  }
  for (const caption of article.captions)
    paragraphs.push(new Paragraph({ children: [run(caption, { italics: true })] }));
  if (article.byline)
    paragraphs.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`（${article.byline}）`)] }));
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
  async exportIssue(issue, baseName) {
    return [{ name: `${baseName}.docx`, data: await issueDocx(issue) }];
  },
};
