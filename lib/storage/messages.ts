import type { Lang, Localized } from '../i18n.ts';
import type { StorageError, StorageErrorCode } from './errors.ts';

/** The storage errors' texts, Chinese and English; `{name}` is filled from the error's params. */
export const STORAGE_MESSAGES = {
  'userid-empty': { zh: 'UserID 不能为空', en: 'The UserID is empty' },
  'userid-too-long': { zh: 'UserID 超过 {max} 个字符', en: 'The UserID is longer than {max} characters' },
  'label-too-long': { zh: '备注名超过 {max} 个字符', en: 'The label is longer than {max} characters' },
  'note-too-long': { zh: '说明超过 {max} 个字符', en: 'The note is longer than {max} characters' },
  'sdkappid-invalid': {
    zh: 'SDKAppID“{value}”无效：应为正整数，或 any 表示任意应用',
    en: 'Invalid SDKAppID "{value}": expected a positive integer, or "any" for any app',
  },
  'value-not-text': { zh: '{field} 应为文本', en: '{field} must be text' },
  'value-invalid': { zh: '{field} 的值无效', en: 'Invalid value for {field}' },
  'entry-not-found': { zh: '找不到该条目（可能已在其他标签页中删除）', en: 'Entry not found (it may have been deleted in another tab)' },
  'userid-exists': { zh: '列表中已有 UserID“{userId}”', en: 'The list already has the UserID "{userId}"' },
  'list-newer-version': {
    zh: '该列表由更新版本的扩展写入（版本 {version}），为避免丢失数据，此版本只读',
    en: 'This list was written by a newer version of the extension (version {version}); it is read-only here so nothing is lost',
  },
  'storage-read-failed': { zh: '读取浏览器存储失败：{detail}', en: 'Could not read browser storage: {detail}' },
  'storage-write-failed': { zh: '写入浏览器存储失败：{detail}', en: 'Could not write browser storage: {detail}' },
  'sync-item-too-large': {
    zh: '列表太大，无法同步（{bytes} 字节，单项上限 {limit} 字节），已保存在本机',
    en: 'The list is too large to sync ({bytes} bytes, the per-item limit is {limit}); it is kept on this device',
  },
  'sync-total-too-large': {
    zh: '同步存储空间不足（需要 {bytes} 字节，上限 {limit} 字节），列表已保存在本机',
    en: 'Not enough sync storage ({bytes} bytes needed, the limit is {limit}); the list is kept on this device',
  },
  'sync-too-many-items': {
    zh: '同步存储条目过多（{items} 项，上限 {limit} 项），列表已保存在本机',
    en: 'Too many items in sync storage ({items}, the limit is {limit}); the list is kept on this device',
  },
  'stored-value-invalid': { zh: '存储中的数据无法识别，已单独保留', en: 'Unreadable data in storage; it was set aside' },
  'stored-duplicate-userid': {
    zh: '存储中同一 UserID 出现了两次，多出的一条已单独保留',
    en: 'A UserID appeared twice in storage; the extra copy was set aside',
  },
  'legacy-migration-failed': {
    zh: '旧版本数据无法升级，已原样单独保留',
    en: 'Data from an older version could not be upgraded; it was set aside unchanged',
  },
  'import-too-large': { zh: '文件太大（上限 {limit} 字节）', en: 'The file is too large (the limit is {limit} bytes)' },
  'import-too-many-entries': {
    zh: '条目过多：{count} 条（上限 {limit} 条）',
    en: 'Too many entries: {count} (the limit is {limit})',
  },
  'import-empty': { zh: '文件是空的', en: 'The file is empty' },
  'import-unreadable': { zh: '无法读取该文件：{detail}', en: 'The file could not be read: {detail}' },
  'json-syntax': { zh: 'JSON 格式错误（第 {line} 行第 {column} 列）', en: 'Invalid JSON (line {line}, column {column})' },
  'json-wrong-format': {
    zh: '不是本扩展导出的 UserID 列表（{path} 应为 {expected}，实际为 {found}）',
    en: 'Not a UserID list exported by this extension ({path} should be {expected}, found {found})',
  },
  'json-unsupported-version': {
    zh: '不支持的导出版本 {version}（支持版本 {supported}），请升级扩展',
    en: 'Unsupported export version {version} (this version reads {supported}); update the extension',
  },
  'json-invalid-structure': { zh: '{path} 应为 {expected}', en: '{path} should be {expected}' },
  'json-invalid-entry': { zh: '{path} 有误', en: 'Problem at {path}' },
  'csv-bad-header': {
    zh: '第 {line} 行的表头应为 {expected}，实际为 {found}',
    en: 'The header on line {line} should be {expected}, found {found}',
  },
  'csv-unterminated-quote': { zh: '第 {line} 行开始的引号没有结束', en: 'The quote opened on line {line} is never closed' },
  'csv-stray-quote': {
    zh: '第 {line} 行有多余的引号（字段中的引号需写成两个 ""，并用引号包住整个字段）',
    en: 'Stray quote on line {line} (inside a field, write "" and quote the whole field)',
  },
  'csv-field-count': {
    zh: '第 {line} 行有 {found} 列，应为 {expected} 列',
    en: 'Line {line} has {found} columns, expected {expected}',
  },
  'csv-invalid-entry': { zh: '第 {line} 行的 {field} 有误', en: 'Problem with {field} on line {line}' },
} satisfies Record<string, Localized>;

export const STORAGE_ERROR_CODES = /* @__PURE__ */ Object.keys(STORAGE_MESSAGES) as [StorageErrorCode, ...StorageErrorCode[]];

function fill(template: string, params: StorageError['params']): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The message in one language, with the finer cause after a colon. */
export function formatStorageError(error: StorageError, lang: Lang): string {
  const text = fill(STORAGE_MESSAGES[error.code][lang], error.params);
  if (!error.cause) return text;
  return `${text}${lang === 'zh' ? '：' : ': '}${formatStorageError(error.cause, lang)}`;
}
