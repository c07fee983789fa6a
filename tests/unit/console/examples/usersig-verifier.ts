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
  {
    name: 'en plain form: a fieldset named by its legend',
    url: 'https://console.trtc.io/chat/tools',
    html: `<form><fieldset data-expect-root><legend>UserSig verifier</legend><label>UserID <input></label><label>UserSig <textarea></textarea></label><button>Verify</button></fieldset></form>`,
  },
];
