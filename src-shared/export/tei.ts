import type { Article, Block, FurnitureItem } from '../model';
import { GALLEY_VERSION } from './galley-version';
import { changeReport, type ChangeReport } from './report';
import { isoDate, joinLines, NEWSPAPER_TITLE, stem, utf8 } from './text-utils';
import type { ExportablePage, Exporter, ExportOptions } from './types';
import { element, serializeXml, xmlId, type XmlElement } from './xml';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/**
 * TEI P5 for one or more pages. Each page is a `div type="issue"`; articles are
 * `div type="article"`; subheads open a `div type="subsection"` (TEI allows `head` only at a
 * division's top); furniture stays in reading position as `fw`, never dropped.
 */
export function teiDocument(pages: readonly ExportablePage[], options: ExportOptions): string {
  const ids = new UniqueIds();
  const entries = pages.map((page) => ({ page, id: ids.take(xmlId(`page-${page.page.id.slice(0, 16)}`)), report: changeReport(page) }));
  const root = element('TEI', { xmlns: TEI_NS, 'xml:lang': 'zh' }, [
    element('teiHeader', {}, [
      element('fileDesc', {}, [
        element('titleStmt', {}, [
          element('title', { type: 'main' }, NEWSPAPER_TITLE),
          ...entries.map(({ page }) => element('title', { type: 'sub' }, stem(page.page.name))),
          ...entries.map(({ page, id }) => reviewStatement(page, id)),
        ]),
        element('publicationStmt', {}, [
          element('authority', {}, `Galley ${GALLEY_VERSION} export`),
          element('date', { when: isoDate(options.exportedAt) }, isoDate(options.exportedAt)),
        ]),
        element('notesStmt', {}, entries.map(({ id, report }) => reportNote(report, id))),
        element('sourceDesc', {}, entries.map(({ page, id }) => sourceBibl(page, id))),
      ]),
      element('encodingDesc', {}, [
        element('appInfo', {}, [
          element('application', { ident: 'galley', version: GALLEY_VERSION }, [
            element('label', {}, 'Galley'),
            element('desc', {}, `OCR cleaning with Galley ${GALLEY_VERSION}, pipeline version ${pipelineVersions(pages)}; every automatic change was recorded and reviewable.`),
          ]),
        ]),
        element('p', {}, 'Page furniture (banners, sponsor lists, promotions, column credits) is kept as fw in reading position.'),
      ]),
      revisionDesc(entries),
    ]),
    element('text', {}, [element('body', {}, entries.map(({ page, id }) => issueDiv(page, id, ids)))]),
  ]);
  return serializeXml(root);
}

function reviewStatement({ reviewer, reviewedAt }: ExportablePage, pageId: string): XmlElement {
  if (reviewer === undefined) {
    return element('respStmt', { corresp: `#${pageId}` }, [element('resp', {}, 'cleaned automatically, not reviewed'), element('name', {}, 'Galley')]);
  }
  const when = reviewedAt === undefined ? undefined : isoDate(reviewedAt);
  return element('respStmt', { corresp: `#${pageId}` }, [element('resp', { when }, 'reviewed'), element('name', {}, reviewer)]);
}

/** The sign-off of each approved page as a dated change; absent when no page was approved (TEI wants at least one change). */
function revisionDesc(entries: ReadonlyArray<{ page: ExportablePage; id: string }>): XmlElement | null {
  const approved = entries.filter(({ page }) => page.reviewer !== undefined);
  if (approved.length === 0) return null;
  return element(
    'revisionDesc',
    {},
    approved.map(({ page, id }) =>
      element('change', { when: page.reviewedAt === undefined ? undefined : isoDate(page.reviewedAt), status: 'approved', target: `#${id}` }, `approved by ${page.reviewer}`),
    ),
  );
}

function sourceBibl({ page }: ExportablePage, pageId: string): XmlElement {
  return element('bibl', { corresp: `#${pageId}` }, [
    element('title', {}, NEWSPAPER_TITLE),
    element('idno', { type: 'file' }, page.name),
    element('idno', { type: 'sha256' }, page.id),
    element('biblScope', { unit: 'page' }, stem(page.name)),
    element('extent', {}, `${page.size} bytes, ${page.encoding}`),
  ]);
}

function reportNote(report: ChangeReport, pageId: string): XmlElement {
  const { edits, characters, flags, splits } = report;
  const items: Array<[string, string | number]> = [
    ['articles', report.articles],
    ['furniture', report.furniture],
    ['edits-applied', edits.total.applied],
    ['edits-proposed', edits.total.proposed],
    ['edits-reverted', edits.total.reverted],
    ['edits-auto', edits.total.auto],
    ['edits-editor', edits.total.editor],
    ...Object.entries(edits.byKind).map(([kind, counts]): [string, number] => [`edits-applied-${kind}`, counts.applied]),
    ['character-error-rate', characters.errorRate],
    ['flags-open', flags.open],
    ...Object.entries(flags.openByKind).map(([kind, count]): [string, number] => [`flags-open-${kind}`, count]),
    ['splits-approved', splits.approved],
    ['splits-rejected', splits.rejected],
    ['splits-undecided', splits.undecided],
  ];
  return element('note', { type: 'change-report', target: `#${pageId}` }, [
    element('list', {}, items.map(([name, value]) => element('item', { n: name }, String(value)))),
  ]);
}

function pipelineVersions(pages: readonly ExportablePage[]): string {
  return [...new Set(pages.map((page) => page.analysis.pipelineVersion))].sort((a, b) => a - b).join(', ');
}

function issueDiv(page: ExportablePage, pageId: string, ids: UniqueIds): XmlElement {
  const children: XmlElement[] = [];
  const furniture = [...page.clean.furniture].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const article of page.clean.articles) {
    const start = article.spans[0]?.start ?? Number.POSITIVE_INFINITY;
    while (next < furniture.length && furniture[next].start < start) children.push(furnitureElement(furniture[next++]));
    children.push(articleDiv(article, ids.take(xmlId(`${pageId}.${article.id}`))));
  }
  while (next < furniture.length) children.push(furnitureElement(furniture[next++]));
  return element('div', { type: 'issue', 'xml:id': pageId, n: stem(page.page.name) }, children);
}

function furnitureElement(item: FurnitureItem): XmlElement {
  return element('fw', { type: item.kind }, item.text.trim());
}

function articleDiv(article: Article, id: string): XmlElement {
  const { lead, sections } = subsections(article.blocks);
  return element('div', { type: 'article', 'xml:id': id }, [
    article.section ? element('head', { type: 'section' }, article.section) : null,
    article.kicker ? element('head', { type: 'kicker' }, article.kicker) : null,
    article.title ? element('head', {}, article.title) : null,
    ...lead.map(paragraph),
    ...sections.map(({ head, blocks }) => element('div', { type: 'subsection' }, [element('head', { type: 'subhead' }, joinLines(head.text)), ...blocks.map(paragraph)])),
    ...article.captions.map((caption) => element('figure', {}, [element('figDesc', {}, caption)])),
    article.byline ? element('byline', {}, article.byline) : null,
  ]);
}

function paragraph(block: Block): XmlElement {
  return element('p', {}, joinLines(block.text));
}

/** Paragraphs before the first subhead, then one group per subhead with the paragraphs under it. */
function subsections(blocks: readonly Block[]): { lead: Block[]; sections: Array<{ head: Block; blocks: Block[] }> } {
  const lead: Block[] = [];
  const sections: Array<{ head: Block; blocks: Block[] }> = [];
  for (const block of blocks) {
    if (block.type === 'subhead') sections.push({ head: block, blocks: [] });
    else if (sections.length) sections[sections.length - 1].blocks.push(block);
    else lead.push(block);
  }
  return { lead, sections };
}

class UniqueIds {
  private readonly used = new Set<string>();

  take(id: string): string {
    let candidate = id;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${id}-${n}`;
    this.used.add(candidate);
    return candidate;
  }
}

export const teiExporter: Exporter = {
  format: 'tei',
  label: 'TEI P5 XML',
  extension: 'xml',
  mime: 'application/tei+xml',
  async exportPage(page, baseName, options) {
    return [{ name: `${baseName}.xml`, data: utf8(teiDocument([page], options)) }];
  },
};
