import type { Article } from '../../../src-shared/model';

/** Everything an editor reads in an article, for Ctrl+F over the clean text. */
export function articleText(article: Article): string {
  return [
    article.section,
    article.kicker,
    article.title,
    article.byline,
    ...article.captions,
    ...article.blocks.map((b) => b.text),
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n');
}

/** Every [start, end) where `needle` occurs in `text`, without overlaps. */
export function matchSpans(text: string, needle: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (!needle) return spans;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    spans.push({ start: at, end: at + needle.length });
  }
  return spans;
}
