import { EN, ZH, type PageExample } from './types.ts';

export const troubleshootingLogExamples: PageExample[] = [
  {
    name: 'zh page title over filters and table',
    url: `${ZH}/im/tool-log`,
    html: `<div class="qc-page" data-expect-root><div class="qc-page-header"><h2>自助排障日志</h2></div>
      <div class="qc-page-body"><div class="tea-form--inline">
        <div class="tea-form__item"><div class="tea-form__label"><label>用户ID</label></div><div class="tea-form__controls"><input></div></div>
        <button>查询</button></div>
        <table><thead><tr><th>时间</th><th>事件名</th></tr></thead><tbody></tbody></table></div></div>`,
  },
  {
    name: 'zh card heading with trailing spaces',
    url: `${ZH}/im/tool-log`,
    html: `<section data-expect-root><h3> 自助排障日志 </h3><select><option>登录</option></select></section>`,
  },
  {
    name: 'en',
    url: `${EN}/im/tool-log`,
    html: `<div data-expect-root><h2>Self-service troubleshooting logs</h2><form><input placeholder="UserID"><button>Query</button></form></div>`,
  },
  {
    name: 'en loose wording on the tool route',
    url: `${EN}/im/tool-log`,
    html: `<div data-expect-root><h2>Troubleshooting Logs</h2><input placeholder="Error code"></div>`,
  },
];
