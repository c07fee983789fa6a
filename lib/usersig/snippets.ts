import type { DecodedToken } from './types.ts';

export type SnippetLanguage = 'node' | 'go' | 'java' | 'python' | 'php' | 'csharp';

/** What a server needs to make the same token: never the key, which the snippets read from the environment. */
export interface SnippetParams {
  sdkAppId: number;
  userId: string;
  expire: number;
  roomId?: number;
  roomStr?: string;
  privileges?: number;
}

export interface Snippet {
  language: SnippetLanguage;
  /** The official library and how to install it. */
  install: string;
  code: string;
}

/** The environment variable every snippet reads the SecretKey from. */
export const KEY_VARIABLE = 'TLS_SECRET_KEY';

export function snippetParams(token: DecodedToken): SnippetParams {
  const params: SnippetParams = { sdkAppId: token.sdkAppId, userId: token.identifier, expire: token.expire };
  const pmk = token.userbuf;
  if (pmk) {
    params.privileges = pmk.privileges;
    if (pmk.version === 1) params.roomStr = pmk.roomStr ?? '';
    else params.roomId = pmk.roomId;
  }
  return params;
}

// A JSON string is a valid string literal in JavaScript, Go, Java, Python and C#.
const q = (text: string) => JSON.stringify(text);
// PHP: single quotes, where only \ and ' are special.
const phpQ = (text: string) => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;

type Call = { userSig: string; byId: string; byStr: string };

/** The generating call with its arguments, in each library's own method names (tencentyun/tls-sig-api-v2-*). */
function call(p: SnippetParams, names: Call, str: (s: string) => string, long: (n: number) => string = String): string {
  const head = `${str(p.userId)}, ${long(p.expire)}`;
  if (p.privileges === undefined) return `${names.userSig}(${head})`;
  if (p.roomStr !== undefined) return `${names.byStr}(${head}, ${str(p.roomStr)}, ${p.privileges})`;
  return `${names.byId}(${head}, ${long(p.roomId ?? 0)}, ${p.privileges})`;
}

const LOWER: Call = { userSig: 'genUserSig', byId: 'genPrivateMapKey', byStr: 'genPrivateMapKeyWithStringRoomID' };

export function serverSnippets(p: SnippetParams): Snippet[] {
  const go = call(p, { userSig: 'GenUserSig', byId: 'GenPrivateMapKey', byStr: 'GenPrivateMapKeyWithStringRoomID' }, q).replace('(', `(${p.sdkAppId}, os.Getenv("${KEY_VARIABLE}"), `);
  return [
    {
      language: 'node',
      install: 'npm install tls-sig-api-v2',
      code: [
        "const TLSSigAPIv2 = require('tls-sig-api-v2');",
        `const api = new TLSSigAPIv2.Api(${p.sdkAppId}, process.env.${KEY_VARIABLE});`,
        `const sig = api.${call(p, LOWER, q)};`,
      ].join('\n'),
    },
    {
      language: 'go',
      install: 'go get github.com/tencentyun/tls-sig-api-v2-golang',
      code: [
        'import (',
        '\t"os"',
        '\t"github.com/tencentyun/tls-sig-api-v2-golang/tencentyun"',
        ')',
        '',
        `sig, err := tencentyun.${go}`,
      ].join('\n'),
    },
    {
      language: 'java',
      install: 'Maven: com.github.tencentyun:tls-sig-api-v2',
      code: [
        'import com.tencentyun.TLSSigAPIv2;',
        '',
        `TLSSigAPIv2 api = new TLSSigAPIv2(${p.sdkAppId}L, System.getenv("${KEY_VARIABLE}"));`,
        `String sig = api.${call(p, LOWER, q, (n) => `${n}L`)};`,
      ].join('\n'),
    },
    {
      language: 'python',
      install: 'pip install tls-sig-api-v2',
      code: [
        'import os',
        'import TLSSigAPIv2',
        '',
        `api = TLSSigAPIv2.TLSSigAPIv2(${p.sdkAppId}, os.environ["${KEY_VARIABLE}"])`,
        `sig = api.${call(p, LOWER, q)}`,
      ].join('\n'),
    },
    {
      language: 'php',
      install: 'composer require tencent/tls-sig-api-v2',
      code: [
        '<?php',
        "require 'vendor/autoload.php';",
        '',
        `$api = new \\Tencent\\TLSSigAPIv2(${p.sdkAppId}, getenv('${KEY_VARIABLE}'));`,
        `$sig = $api->${call(p, LOWER, phpQ)};`,
      ].join('\n'),
    },
    {
      language: 'csharp',
      install: 'NuGet: tls-sig-api-v2',
      code: [
        'using tencentyun;',
        '',
        `var api = new TLSSigAPIv2(${p.sdkAppId}, System.Environment.GetEnvironmentVariable("${KEY_VARIABLE}"));`,
        `string sig = api.${call(p, LOWER, q)};`,
      ].join('\n'),
    },
  ];
}
