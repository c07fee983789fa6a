import type { CodeExplanation as Explanation, UnknownCode } from '../lib/codes/schema.ts';
import type { Lang } from '../lib/i18n.ts';
import { CODE_MESSAGES } from '../lib/codes/words.ts';
import { MESSAGES } from './messages.ts';

export { CODE_MESSAGES };

interface Props {
  entry: Explanation | UnknownCode;
  lang: Lang;
  /** The heading level in the page around it (the popup's section titles are h2). */
  level?: 3 | 4;
}

/**
 * One error code explained: meaning, cause, fix, product, constant and the official page, or a
 * plain "not in the dictionary" with the pages to check. Pure rendering: the caller looks the
 * code up (lib/codes lookupCode, or unknownCode), so the console's log table and reports can reuse it.
 */
export function CodeExplanation({ entry, lang, level = 3 }: Props) {
  const m = MESSAGES[lang];
  const c = CODE_MESSAGES[lang];
  const Heading = level === 3 ? 'h3' : 'h4';
  if ('unknown' in entry) {
    return (
      <section class="code-entry unknown" data-code={entry.code} data-known="false">
        <Heading>{entry.code}</Heading>
        <p>{c.unknown(entry.code)}</p>
        <ul>
          {entry.pages.map((url) => (
            <li key={url}>
              <a href={url} target="_blank" rel="noreferrer">{url}</a>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section class="code-entry" data-code={entry.code} data-known="true" data-product={entry.product}>
      <Heading>
        {entry.code}
        {entry.constant && <code class="constant">{entry.constant}</code>}
        <span class="tag">{c.products[entry.product] ?? entry.product}</span>
      </Heading>
      <p data-part="meaning">
        <strong>{c.meaning}: </strong>
        {entry.meaning}
      </p>
      <p data-part="cause">
        <strong>{m.cause}: </strong>
        {entry.cause}
      </p>
      <p data-part="fix">
        <strong>{m.fix}: </strong>
        {entry.fix}
      </p>
      {entry.aliases.length > 0 && (
        <p class="help">
          {c.alsoNamed}: {entry.aliases.join(', ')}
        </p>
      )}
      <p class="help">
        <a href={entry.source} target="_blank" rel="noreferrer">{c.source}</a>
      </p>
    </section>
  );
}
