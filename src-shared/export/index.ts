export * from './types';
export * from './registry';
export * from './batch';
export * from './report';
export * from './manifest';
export { ImportFormatError, type DocumentProblem } from './json-input';
export {
  buildDocument,
  buildIssueDocument,
  serializeDocument,
  parseDocumentJson,
  exportablePages,
  exportableIssueOf,
} from './json';
export {
  DOCUMENT_FORMAT,
  DOCUMENT_SCHEMA_VERSION,
  documentSchema,
  type ExportedDocument,
  type ExportedPage,
} from './document-schema';
export { teiDocument, issueTeiDocument } from './tei';
export { articleMarkdown, pageMarkdown, issueMarkdown } from './markdown';
export { pageText, issueText } from './text';
export { pageDocx, issueDocx } from './docx';
export { exportableIssue, issueTitle, pageLabel } from './issue';
export { safeFileName } from './text-utils';
