import { EN, ZH, type PageExample } from './types.ts';

export const offlinePushExamples: PageExample[] = [
  {
    name: 'zh TEA card',
    url: `${ZH}/im/tool-push-check`,
    html: `<div class="qc-page"><div class="qc-page-header"><h2>离线推送自查</h2></div><div class="qc-page-body">
      <section class="tea-card" data-expect-root><div class="tea-card__header"><h3 class="tea-card__title">离线推送定位工具</h3></div>
        <div class="tea-card__body"><div class="tea-form">
          <div class="tea-form__item"><div class="tea-form__label"><label for="u">UserID</label></div>
            <div class="tea-form__controls"><input id="u" class="tea-input" placeholder="请输入 UserID"><button class="tea-btn">获取设备状态</button></div></div>
        </div></div></section></div></div>`,
  },
  {
    name: 'en TEA card',
    url: `${EN}/im/tool-push-check`,
    html: `<section class="tea-card" data-expect-root><div class="tea-card__header"><h3>Offline push issue finder</h3></div>
        <div class="tea-card__body"><label>UserID <input placeholder="Enter the UserID"></label><button>Get device information</button></div></section>`,
  },
  {
    name: 'zh heading with odd spacing, on another route (the heading decides)',
    url: `${ZH}/im/detail`,
    html: `<div data-expect-root><h4>  离线推送
      定位工具 </h4><p><input aria-label="UserID"></p></div>`,
  },
  {
    name: 'en loose wording on the tool route',
    url: `${EN}/im/tool-push-check?sdkappid=1400000001`,
    html: `<div class="card" data-expect-root><div role="heading" aria-level="3">Offline Push Issue Finder (Beta)</div><input placeholder="UserID"></div>`,
  },
  {
    name: 'en name with (Beta) after it, off the tool route (the name leads the heading)',
    url: `${EN}/im/detail`,
    html: `<section data-expect-root><h3>Offline Push Issue Finder (Beta)</h3><input placeholder="UserID"></section>`,
  },
];
