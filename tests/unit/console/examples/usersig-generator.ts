import { EN, ZH, type PageExample } from './types.ts';

export const userSigGeneratorExamples: PageExample[] = [
  {
    name: 'zh full-width parentheses',
    url: `${ZH}/im/tool-usersig`,
    html: `<section class="tea-card" data-expect-root><div class="tea-card__header"><h3>签名（UserSig）生成工具</h3></div>
      <div class="tea-card__body"><div class="tea-form__item"><div class="tea-form__label"><label>用户名（UserID）</label></div>
      <div class="tea-form__controls"><input placeholder="请输入用户名"><button>生成签名（UserSig）</button></div></div></div></section>`,
  },
  {
    name: 'zh half-width parentheses and spaces',
    url: `${ZH}/im/tool-usersig`,
    html: `<div data-expect-root><h3>签名 (UserSig) 生成工具</h3><input placeholder="用户名"></div>`,
  },
  {
    name: 'en',
    url: `${EN}/im/tool-usersig`,
    html: `<section data-expect-root><h3>UserSig generator</h3><label>UserID <input></label><button>Generate UserSig</button></section>`,
  },
  {
    name: 'en title case, on the basic configuration route',
    url: `${EN}/im/detail`,
    html: `<section data-expect-root><h2>UserSig Generator</h2><input aria-label="UserID"></section>`,
  },
  {
    name: 'en TDesign card (console.trtc.io): the title a plain div, the subtitle its sibling',
    url: `${EN}/im/tool-usersig`,
    html: `<div class="t-card" data-expect-root><div class="t-card__header"><div class="t-card__header-wrapper"><div>
      <div class="t-card__title">UserSig generator</div><div class="t-card__subtitle">Generate a UserSig for local debugging</div></div></div></div>
      <div class="t-card__body"><div class="t-form__item"><label class="t-form__label">UserID</label><div class="t-form__controls"><div class="t-input"><input class="t-input__inner"></div></div></div></div></div>`,
  },
];
