import type { AppScope } from '../../lib/storage/app-scope.ts';
import { ANY_APP } from '../../lib/storage/app-scope.ts';
import type { ImportLocation } from '../../lib/storage/import-parse.ts';
import { inspectUserId } from '../../lib/storage/lookalike.ts';
import type { OptionsMessages } from './messages.ts';

// Small pieces the options page's sections share.

export function where(at: ImportLocation, m: OptionsMessages): string {
  return 'line' in at ? m.line(at.line) : at.path;
}

export function scopeName(scope: AppScope, m: OptionsMessages): string {
  return scope === ANY_APP ? m.anyApp : m.app(scope);
}

/** How a UserID is shown: as typed, or escaped with a warning mark when it holds invisible or look-alike characters. */
export const displayId = (userId: string) => inspectUserId(userId).display;

export function UserIdText({ userId, m, tag = 'span' }: { userId: string; m: OptionsMessages; tag?: 'span' | 'td' }) {
  const { reasons, display } = inspectUserId(userId);
  const Tag = tag;
  if (reasons.length === 0) return <Tag class="uid mono">{userId}</Tag>;
  return (
    <Tag class="uid mono lookalike" data-lookalike={reasons.join(' ')} title={m.lookalikeMark}>
      <span class="warn-mark" role="img" aria-label={m.lookalikeMark}>
        ⚠
      </span>{' '}
      {display}
    </Tag>
  );
}

