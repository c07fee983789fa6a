/**
 * A big SDK-style log with many UserSigs, for the decoder tab (tests/e2e/big-log.spec.ts, its
 * Firefox mirror and tests/bench/big-log-bench.ts). Tokens rotate through `tokens`; every line
 * carries one, padded to about `lineChars` so the size is predictable.
 */
export function bigLog(count: number, tokens: readonly string[], lineChars = 1_000): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const head = `[2026-11-21 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}] TIM login #${i} user=u${i} userSig=${tokens[i % tokens.length]} ret=0`;
    lines.push(head.length < lineChars ? `${head} ${'·'.repeat(lineChars - head.length - 1)}` : head);
  }
  return lines.join('\n');
}
