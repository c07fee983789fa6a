import { EN, ZH, type PageExample } from './types.ts';

const NAV_ZH = `<nav><ul><li><a href="/im/tool-push-check">离线推送自查</a></li><li><a href="/im/tool-usersig">UserSig 工具</a></li>
  <li><a href="/im/tool-log">自助排障日志</a></li></ul><h3>自助排障日志</h3></nav>`;

/** Pages on which no detector may fire. */
export const noToolExamples: PageExample[] = [
  { name: 'zh nav only (tool names as links and a heading inside nav)', url: `${ZH}/im/tool-log`, html: `${NAV_ZH}<main></main>` },
  {
    name: 'zh basic configuration page',
    url: `${ZH}/im/detail`,
    html: `${NAV_ZH}<main><h2>基础配置</h2><section><h3>基本信息</h3><dl><dt>SDKAppID</dt><dd>1400000001</dd></dl><button>显示密钥</button></section></main>`,
  },
  {
    name: 'tool headings as documentation text, with no fields',
    url: `${ZH}/im/tool-usersig`,
    html: `<article><h3>签名（UserSig）生成工具</h3><p>单击生成签名（UserSig）即可生成签名。</p><h3>签名（UserSig）校验工具</h3><p>…</p></article>`,
  },
  {
    name: 'en loose wording off the tool route',
    url: `${EN}/im/detail`,
    html: `<section><h3>Push Issue Finder</h3><input placeholder="UserID"></section>`,
  },
  {
    name: 'zh name in the middle of a heading (not leading it)',
    url: `${ZH}/im/tool-usersig`,
    html: `<section><h3>使用签名（UserSig）校验工具前请先生成签名</h3><input></section>`,
  },
  {
    name: 'en name that runs on into a longer word',
    url: `${EN}/im/detail`,
    html: `<section><h3>UserSig generators and verifiers</h3><input></section>`,
  },
  {
    name: 'en page title of the UserSig page (not a tool heading)',
    url: `${EN}/im/tool-usersig`,
    html: `<div><h2>UserSig Tools</h2><input placeholder="Search"></div>`,
  },
  {
    name: 'zh page title that names both UserSig tools',
    url: `${ZH}/im/tool-usersig`,
    html: `<div><h2>UserSig 生成&amp;校验</h2><input></div>`,
  },
  {
    name: 'two tool headings in one flat container (sections cannot be told apart)',
    url: `${ZH}/im/tool-push-check`,
    html: `<div><h3>离线推送定位工具</h3><input placeholder="UserID"><h3>用户状态检查工具</h3><input placeholder="UserID"></div>`,
  },
  {
    name: 'a heading longer than any tool heading that contains one',
    url: `${ZH}/im/tool-push-check`,
    html: `<section><h3>如何使用离线推送定位工具排查厂商通道问题，以及常见的证书配置错误与解决办法汇总</h3><input></section>`,
  },
  { name: 'unrelated site', url: 'https://example.com/', html: `<h1>Hello</h1><input>` },
];
