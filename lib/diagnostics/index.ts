// Copyable diagnostics for the console tools: a typed, zod-validated record per tool and its
// formatters. Pure: no DOM, no extension APIs.
export * from './schema.ts';
export { buildDiagnostics, decodeForReport, platformOf, type CaptureInput } from './build.ts';
export { maskRecord, maskSecret, maskText } from './mask.ts';
export { REPORT_FORMATS, csvField, formatsFor, renderReport, toCsv, toJson, toMarkdown, toText, type RenderOptions, type ReportFormat } from './render.ts';
export { REPORT_LABELS, partLabel } from './labels.ts';
export { localText, spanText, utcText, zoneName } from '../time.ts';
