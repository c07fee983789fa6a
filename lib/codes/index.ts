// The error-code dictionary's public face. The core (codes, products, constants, sources) loads
// with this module; each language's texts are a chunk loaded on first need.
export { findCodes, type FoundCode } from './find.ts';
export {
  codeEntry, explainCodes, explainRow, isKnownCode, knownCodes, loadCodeTexts, loadedCodeTexts, lookupCode, lookupLoaded, unknownCode,
} from './lookup.ts';
export { PRODUCTS, KINDS, codeEntrySchema, type CodeEntry, type CodeExplanation, type Product, type UnknownCode } from './schema.ts';
export { SOURCES, sourceUrl } from './sources.ts';
