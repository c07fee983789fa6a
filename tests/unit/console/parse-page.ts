/** A fresh document for one example page (markup of the body). */
export function parsePage(bodyHtml: string, lang = 'zh-CN'): Document {
  return new DOMParser().parseFromString(`<!doctype html><html lang="${lang}"><body>${bodyHtml}</body></html>`, 'text/html');
}
