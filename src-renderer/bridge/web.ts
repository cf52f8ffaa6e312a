import { zipSync } from 'fflate';
import type { CredentialsKept, GalleyApi, SaveRequest, SaveResult, SourceFile } from '../../src-shared/ipc/contract';
import type { TeamCredentials } from '../../src-shared/team/credentials';
import { readFiles } from '../services/read-files';

/** URLs of the seed pages, emitted as assets by Vite; fetched as bytes so they meet the same decoder. */
const SEED_URLS = import.meta.glob<string>('../../seeds/*.txt', { query: '?url', import: 'default', eager: true });

/** Galley as a plain web page: bundled seeds, a file picker in, downloads out, no native menu. */
export function createWebBridge(): GalleyApi {
  return {
    host: 'web',
    listSeeds,
    openFiles: pickFiles,
    saveFiles: download,
    loadCredentials,
    saveCredentials,
    forgetCredentials,
    onMenuCommand: () => () => {},
  };
}

/**
 * A web page has no keychain, and anything it writes to lasting storage is readable on disk, so a
 * team credential lives in this tab's session storage: it survives a reload and is gone when the
 * tab closes. Each new tab signs in again.
 */
const CREDENTIALS_KEY = 'galley-team-credentials:';

async function loadCredentials(server: string): Promise<TeamCredentials | null> {
  const kept = sessionStorage.getItem(CREDENTIALS_KEY + server);
  return kept === null ? null : (JSON.parse(kept) as TeamCredentials);
}

async function saveCredentials(server: string, credentials: TeamCredentials): Promise<CredentialsKept> {
  sessionStorage.setItem(CREDENTIALS_KEY + server, JSON.stringify(credentials));
  return 'session';
}

async function forgetCredentials(server: string): Promise<void> {
  sessionStorage.removeItem(CREDENTIALS_KEY + server);
}

async function listSeeds(): Promise<SourceFile[]> {
  const entries = Object.entries(SEED_URLS).sort(([a], [b]) => a.localeCompare(b));
  return Promise.all(
    entries.map(async ([path, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`seed ${path} could not be fetched: HTTP ${response.status}`);
      return { name: path.slice(path.lastIndexOf('/') + 1), bytes: new Uint8Array(await response.arrayBuffer()) };
    }),
  );
}

function pickFiles(): Promise<SourceFile[]> {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  // Galley JSON documents (a page export) import too: they restore the page with its review.
  input.accept = '.txt,text/plain,.json,application/json';
  input.hidden = true;
  input.dataset.testid = 'file-picker';
  document.body.append(input);
  return new Promise<SourceFile[]>((resolve, reject) => {
    const finish = (files: File[]) => {
      input.remove();
      readFiles(files).then(resolve, reject);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    input.click();
  });
}

async function download(request: SaveRequest): Promise<SaveResult> {
  const { files, suggestedName } = request;
  if (files.length === 0) return { saved: false };
  const single = files.length === 1 ? files[0] : null;
  const name = single ? single.name.slice(single.name.lastIndexOf('/') + 1) : zipName(suggestedName);
  const data = single ? single.data : zipSync(Object.fromEntries(files.map((file) => [file.name, file.data])));
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>]));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true, location: name, count: files.length };
}

function zipName(suggested: string): string {
  return suggested.toLowerCase().endsWith('.zip') ? suggested : `${suggested}.zip`;
}
