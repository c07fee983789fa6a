import { EN, ZH, type PageExample } from './types.ts';

export const userSigVerifierExamples: PageExample[] = [
  {
    name: 'zh full-width parentheses',
    url: `${ZH}/im/tool-usersig`,
    html: `<section class="tea-card" data-expect-root><div class="tea-card__header"><h3>签名（UserSig）校验工具</h3></div>
      <div class="tea-card__body"><input placeholder="请输入 UserID"><textarea placeholder="请输入签名（UserSig）"></textarea><button>开始校验</button></div></section>`,
  },
  {
    name: 'zh half-width parentheses',
    url: `${ZH}/im/tool-usersig`,
    html: `<div data-expect-root><h3>签名(UserSig)校验工具</h3><textarea></textarea></div>`,
  },
  {
    name: 'en',
    url: `${EN}/im/tool-usersig`,
    html: `<section data-expect-root><h3>UserSig verification tool</h3><input placeholder="UserID"><textarea></textarea><button>Verify</button></section>`,
  },
  {
    name: 'en loose wording on the tool route',
    url: `${EN}/im/tool-usersig`,
    html: `<section data-expect-root><h3>Verify a UserSig</h3><textarea aria-label="UserSig"></textarea></section>`,
  },
  // Card titles of libraries a console we have not seen may use: a plain element named by its
  // class, on a route that is no tool's (so the exact name is what counts).
  ...(
    [
      ['Arco', `<div class="arco-card" data-expect-root><div class="arco-card-header"><div class="arco-card-header-title">Signature (UserSig) Verifier</div></div><div class="arco-card-body">`],
      ['Semi', `<div class="semi-card" data-expect-root><div class="semi-card-header"><div class="semi-card-header-wrapper"><div class="semi-card-header-wrapper-title"><span>Signature (UserSig) Verifier</span></div></div></div><div class="semi-card-body">`],
      ['Element Plus', `<div class="el-card" data-expect-root><div class="el-card__header"><span>Signature (UserSig) Verifier</span></div><div class="el-card__body">`],
      ['Naive UI', `<div class="n-card" data-expect-root><div class="n-card-header"><div class="n-card-header__main">Signature (UserSig) Verifier</div></div><div class="n-card__content">`],
      ['Fusion', `<div class="next-card" data-expect-root><div class="next-card-head"><div class="next-card-title">Signature (UserSig) Verifier</div></div><div class="next-card-body">`],
    ] as const
  ).map(([library, open]) => ({
    name: `en ${library} card, its title a plain element, on a route that is no tool's`,
    url: 'https://console.trtc.io/chat/tools',
    html: `${open}<label>UserID <input></label><label>UserSig <textarea></textarea></label><button>Verify</button></div></div>`,
  })),
  {
    name: 'en plain form: a fieldset named by its legend',
    url: 'https://console.trtc.io/chat/tools',
    html: `<form><fieldset data-expect-root><legend>UserSig verifier</legend><label>UserID <input></label><label>UserSig <textarea></textarea></label><button>Verify</button></fieldset></form>`,
  },
];
