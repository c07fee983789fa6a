import { EN, ZH, type PageExample } from './types.ts';

export const userStatusExamples: PageExample[] = [
  {
    name: 'zh TEA card',
    url: `${ZH}/im/tool-push-check`,
    html: `<section class="tea-card" data-expect-root><div class="tea-card__header"><h3 class="tea-card__title">用户状态检查工具</h3></div>
      <div class="tea-card__body"><div class="tea-form"><div class="tea-form__item"><div class="tea-form__label"><label>UserID</label></div>
      <div class="tea-form__controls"><input class="tea-input"><button class="tea-btn">获取状态</button></div></div></div></div></section>`,
  },
  {
    name: 'zh wording from the documentation link (用户客户端状态检查工具)',
    url: `${ZH}/im/tool-push-check`,
    html: `<div data-expect-root><h3>用户客户端状态检查工具</h3><input placeholder="请输入 UserID"><button>获取状态</button></div>`,
  },
  {
    name: 'en TEA card',
    url: `${EN}/im/tool-push-check`,
    html: `<section data-expect-root><header><h3>User client status checking tool</h3><button aria-label="help">?</button></header>
      <div><input placeholder="Enter the UserID"><button>Get status</button></div></section>`,
  },
  {
    name: 'en role=heading',
    url: `${EN}/im/tool-push-check`,
    html: `<div data-expect-root><div role="heading" aria-level="3">User Client Status Checker</div><input aria-label="UserID"></div>`,
  },
];
