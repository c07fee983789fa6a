import { useState } from 'preact/hooks';

interface Props {
  /** The text to copy, computed on click (it may load what it needs first). */
  text: () => string | Promise<string>;
  label: string;
  doneLabel: string;
  /** Accessible name when the visible label is short, e.g. "Copy UserID". */
  title?: string;
}

export function CopyButton({ text, label, doneLabel, title }: Props) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(await text());
      setDone(true);
      setTimeout(() => setDone(false), 1500);
    } catch {
      setDone(false);
    }
  };
  return (
    <button type="button" onClick={copy} title={title} aria-label={title}>
      <span aria-live="polite">{done ? doneLabel : label}</span>
    </button>
  );
}
