import type { Article, Block, FurnitureItem } from '../model';
import { GALLEY_VERSION } from './galley-version';
import { issueEntries, issueTitle, pageLabel, paperTitle } from './issue';
import { changeReport, issueChangeReport, type ChangeReport, type IssueChangeReport } from './report';
import { isoDate, joinLines, NEWSPAPER_TITLE, stem, utf8 } from './text-utils';
import type { ExportableIssue, ExportablePage, Exporter, ExportOptions } from './types';
import { element, serializeXml, xmlId, type XmlElement } from './xml';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

interface TeiPage {
  page: ExportablePage;
  id: string;
  report: ChangeReport;
}

/** What a TEI document says beyond its pages: a page export says nothing more, an issue names itself. */
interface TeiFrame {
  title: string;
  subtitles: string[];
  sourceDesc: XmlElement[];
  notes: XmlElement[];
  body: XmlElement[];
}

/**
 * TEI P5 for one or more pages. Each page is a `div type="page"`; articles are
 * `div type="article"`; subheads open a `div type="subsection"` (TEI allows `head` only at a
 * division's top); furniture stays in reading position as `fw`, never dropped.
 */
export function teiDocument(pages: readonly ExportablePage[], options: ExportOptions): string {
  const ids = new UniqueIds();
  const entries = teiPages(pages, ids);
  return teiRoot(entries, options, {
    title: NEWSPAPER_TITLE,
    subtitles: entries.map(({ page }) => stem(page.page.name)),
    sourceDesc: entries.map((entry) => sourceBibl(entry, stem(entry.page.page.name))),
    notes: [],
    body: entries.map((entry) => pageDiv(entry, ids, stem(entry.page.page.name), [])),
  });
}

/**
 * TEI P5 for a whole issue: one `TEI` whose sourceDesc names the paper, the date and the number,
 * the issue's change report beside each page's, and one `div type="page"` per page in page order,
 * opened by its `pb` and its page label.
 */
export function issueTeiDocument(exportable: ExportableIssue, options: ExportOptions): string {
  const ids = new UniqueIds();
  const issueId = ids.take('issue');
  const { issue } = exportable;
  const places = issueEntries(exportable);
  const entries = teiPages(
    places.map(({ page }) => page),
    ids,
  );
  const report = issueChangeReport(exportable);
  const issueBibl = element('bibl', { type: 'issue', 'xml:id': issueId }, [
    element('title', { level: 'j' }, paperTitle(issue)),
    issue.date === null ? null : element('date', { when: issue.date }, issue.date),
    issue.number === null ? null : element('biblScope', { unit: 'issue', n: issue.number }, `第${issue.number}期`),
    element('extent', {}, `${entries.length} pages`),
  ]);
  return teiRoot(entries, options, {
    title: paperTitle(issue),
    subtitles: [issueTitle(issue)],
    sourceDesc: [
      issueBibl,
      ...entries.map((entry, index) => sourceBibl(entry, pageLabel(places[index].entry, entry.page))),
    ],
    notes: [reportNote(reportItems(report, [['pages', report.pages.length]]), issueId, nameVariantList(report))],
    body: entries.map((entry, index) => {
      const { pageNumber } = places[index].entry;
      const opening = [
        element('pb', { n: pageNumber ?? undefined }),
        element('head', { type: 'page' }, pageLabel(places[index].entry, entry.page)),
      ];
      return pageDiv(entry, ids, pageNumber ?? undefined, opening);
    }),
  });
}

function teiPages(pages: readonly ExportablePage[], ids: UniqueIds): TeiPage[] {
  return pages.map((page) => ({
    page,
    id: ids.take(xmlId(`page-${page.page.id.slice(0, 16)}`)),
    report: changeReport(page),
  }));
}

function teiRoot(entries: readonly TeiPage[], options: ExportOptions, frame: TeiFrame): string {
  const root = element('TEI', { xmlns: TEI_NS, 'xml:lang': 'zh' }, [
    element('teiHeader', {}, [
      element('fileDesc', {}, [
        element('titleStmt', {}, [
          element('title', { type: 'main' }, frame.title),
          ...frame.subtitles.map((subtitle) => element('title', { type: 'sub' }, subtitle)),
          ...entries.map(({ page, id }) => reviewStatement(page, id)),
        ]),
        element('publicationStmt', {}, [
          element('authority', {}, `Galley ${GALLEY_VERSION} export`),
          element('date', { when: isoDate(options.exportedAt) }, isoDate(options.exportedAt)),
        ]),
        element('notesStmt', {}, [
          ...frame.notes,
          ...entries.map(({ id, report }) => reportNote(reportItems(report, [['furniture', report.furniture]]), id)),
        ]),
        element('sourceDesc', {}, frame.sourceDesc),
      ]),
      element('encodingDesc', {}, [
        element('appInfo', {}, [
          element('application', { ident: 'galley', version: GALLEY_VERSION }, [
            element('label', {}, 'Galley'),
            element(
              'desc',
              {},
              `OCR cleaning with Galley ${GALLEY_VERSION}, pipeline version ${pipelineVersions(entries.map(({ page }) => page))}; every automatic change was recorded and reviewable.`,
            ),
          ]),
        ]),
        element(
          'p',
          {},
          'Page furniture (banners, sponsor lists, promotions, column credits) is kept as fw in reading position.',
        ),
      ]),
      revisionDesc(entries),
    ]),
    element('text', {}, [element('body', {}, frame.body)]),
  ]);
  return serializeXml(root);
}

function reviewStatement({ reviewer, reviewedAt }: ExportablePage, pageId: string): XmlElement {
  if (reviewer === undefined) {
    return element('respStmt', { corresp: `#${pageId}` }, [
      element('resp', {}, 'cleaned automatically, not reviewed'),
      element('name', {}, 'Galley'),
    ]);
  }
  const when = reviewedAt === undefined ? undefined : isoDate(reviewedAt);
  return element('respStmt', { corresp: `#${pageId}` }, [
    element('resp', { when }, 'reviewed'),
    element('name', {}, reviewer),
  ]);
}

/** The sign-off of each approved page as a dated change; absent when no page was approved (TEI wants at least one change). */
function revisionDesc(entries: ReadonlyArray<{ page: ExportablePage; id: string }>): XmlElement | null {
  const approved = entries.filter(({ page }) => page.reviewer !== undefined);
  if (approved.length === 0) return null;
  return element(
    'revisionDesc',
    {},
    approved.map(({ page, id }) =>
      element(
        'change',
        {
          when: page.reviewedAt === undefined ? undefined : isoDate(page.reviewedAt),
          status: 'approved',
          target: `#${id}`,
        },
        `approved by ${page.reviewer}`,
      ),
    ),
  );
}

function sourceBibl({ page: { page }, id }: TeiPage, pageScope: string): XmlElement {
  return element('bibl', { corresp: `#${id}` }, [
    element('title', {}, NEWSPAPER_TITLE),
    element('idno', { type: 'file' }, page.name),
    element('idno', { type: 'sha256' }, page.id),
    element('biblScope', { unit: 'page' }, pageScope),
    element('extent', {}, `${page.size} bytes, ${page.encoding}`),
  ]);
}

type ReportItem = [string, string | number];

/** The counts a page's and an issue's report share, after the ones only it has. */
function reportItems(
  report: Pick<ChangeReport, 'articles' | 'edits' | 'characters' | 'flags' | 'splits'>,
  own: readonly ReportItem[],
): ReportItem[] {
  const { edits, characters, flags, splits } = report;
  return [
    ['articles', report.articles],
    ...own,
    ['edits-applied', edits.total.applied],
    ['edits-proposed', edits.total.proposed],
    ['edits-reverted', edits.total.reverted],
    ['edits-auto', edits.total.auto],
    ['edits-editor', edits.total.editor],
    ...Object.entries(edits.byKind).map(([kind, counts]): ReportItem => [`edits-applied-${kind}`, counts.applied]),
    ['character-error-rate', characters.errorRate],
    ['flags-open', flags.open],
    ...Object.entries(flags.openByKind).map(([kind, count]): ReportItem => [`flags-open-${kind}`, count]),
    ['splits-approved', splits.approved],
    ['splits-rejected', splits.rejected],
    ['splits-undecided', splits.undecided],
  ];
}

function reportNote(items: readonly ReportItem[], target: string, extra: XmlElement | null = null): XmlElement {
  return element('note', { type: 'change-report', target: `#${target}` }, [
    element(
      'list',
      {},
      items.map(([name, value]) => element('item', { n: name }, String(value))),
    ),
    extra,
  ]);
}

/** `荣经县 → 荥经县 (第3版, 第4版)`, one item per name spelled two ways; none when there are none. */
function nameVariantList({ nameVariants }: IssueChangeReport): XmlElement | null {
  if (nameVariants.length === 0) return null;
  return element(
    'list',
    { type: 'name-variants' },
    nameVariants.map((variant) =>
      element(
        'item',
        { n: variant.text },
        `${variant.text} → ${variant.suggestion ?? '?'} (${variant.pages.join(', ')}; ${variant.open} of ${variant.count} open)`,
      ),
    ),
  );
}

function pipelineVersions(pages: readonly ExportablePage[]): string {
  return [...new Set(pages.map((page) => page.analysis.pipelineVersion))].sort((a, b) => a - b).join(', ');
}

function pageDiv(
  { page, id }: TeiPage,
  ids: UniqueIds,
  n: string | number | undefined,
  opening: readonly XmlElement[],
): XmlElement {
  const children: XmlElement[] = [...opening];
  const furniture = [...page.clean.furniture].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const article of page.clean.articles) {
    const start = article.spans[0]?.start ?? Number.POSITIVE_INFINITY;
    while (next < furniture.length && furniture[next].start < start) children.push(furnitureElement(furniture[next++]));
    children.push(articleDiv(article, ids.take(xmlId(`${id}.${article.id}`))));
  }
  while (next < furniture.length) children.push(furnitureElement(furniture[next++]));
  return element('div', { type: 'page', 'xml:id': id, n }, children);
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
    ...sections.map(({ head, blocks }) =>
      element('div', { type: 'subsection' }, [
        element('head', { type: 'subhead' }, joinLines(head.text)),
        ...blocks.map(paragraph),
      ]),
    ),
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
  async exportIssue(issue, baseName, options) {
    return [{ name: `${baseName}.xml`, data: utf8(issueTeiDocument(issue, options)) }];
  },
};
