import { basename } from 'node:path';
import type { Io } from './command';
import { describeError } from './files';
import { readPageFile } from '../src-shared/node/read-page-file';
import type { ExportablePage } from '../src-shared/export';
import { materialize } from '../src-shared/model';
import { analyzeCorpus } from '../src-shared/pipeline';
import { contentHash, decodePage, hasNoText } from '../src-shared/pipeline/decode';

export interface LoadedPage extends ExportablePage {
  /** The path as given on the command line. */
  file: string;
}

/**
 * Reads, decodes and analyses the files the way the app imports them. The pages are analysed
 * together, so name variants and paragraphs printed on two pages are flagged across the batch.
 * A file that cannot be read or decoded is named on stderr with its reason; the rest go on. A
 * file with no text is still a page (the app stores it too), with a warning: it has no articles.
 */
export async function loadPages(
  files: readonly string[],
  command: string,
  io: Io,
): Promise<{ pages: LoadedPage[]; failed: number }> {
  const decoded: {
    file: string;
    name: string;
    id: string;
    size: number;
    raw: string;
    encoding: LoadedPage['page']['encoding'];
  }[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const bytes = await readPageFile(file);
      const name = basename(file);
      const { text, encoding } = decodePage(bytes, name);
      if (hasNoText(text))
        io.stderr(
          `galley ${command}: ${file}: warning: the file holds no text (empty or whitespace only), so the page has no articles\n`,
        );
      decoded.push({ file, name, id: await contentHash(bytes), size: bytes.length, raw: text, encoding });
    } catch (error) {
      failed++;
      io.stderr(`galley ${command}: ${file}: ${describeError(error)}\n`);
    }
  }
  const analyses = analyzeCorpus(decoded.map(({ id, raw }) => ({ id, raw })));
  const pages = decoded.map(({ file, name, id, size, raw, encoding }, i) => ({
    file,
    page: { id, name, size, encoding, importedAt: 0, status: 'new' as const, raw },
    analysis: analyses[i],
    clean: materialize(raw, analyses[i]),
  }));
  return { pages, failed };
}
