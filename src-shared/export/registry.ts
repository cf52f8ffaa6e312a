import { docxExporter } from './docx';
import { jsonExporter } from './json';
import { markdownExporter } from './markdown';
import { teiExporter } from './tei';
import { textExporter } from './text';
import type { Exporter, ExportFormat } from './types';

/** Format id → exporter; the one list the app's export menu and the CLI's --format read. */
export const exporters: Readonly<Record<ExportFormat, Exporter>> = {
  tei: teiExporter,
  md: markdownExporter,
  txt: textExporter,
  json: jsonExporter,
  docx: docxExporter,
};

export const EXPORT_FORMATS = Object.keys(exporters) as ExportFormat[];

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(exporters, value);
}
