function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * The first key that appears twice in the top-level object of already-valid JSON text.
 * JSON.parse silently keeps the last of duplicates while other parsers keep the first, so a token
 * with duplicates means different things to different servers.
 */
export function findDuplicateTopLevelKey(json: string): string | undefined {
  const seen = new Set<string>();
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code === 0x22) {
      const start = i;
      for (i++; i < json.length && json.charCodeAt(i) !== 0x22; i++) {
        if (json.charCodeAt(i) === 0x5c) i++;
      }
      if (depth !== 1) continue;
      let next = i + 1;
      while (isJsonSpace(json.charCodeAt(next))) next++;
      if (json.charCodeAt(next) !== 0x3a) continue;
      const key = JSON.parse(json.slice(start, i + 1)) as string;
      if (seen.has(key)) return key;
      seen.add(key);
    } else if (code === 0x7b || code === 0x5b) depth++;
    else if (code === 0x7d || code === 0x5d) depth--;
  }
  return undefined;
}
