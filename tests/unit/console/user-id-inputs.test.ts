// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findUserIdInputs } from '../../../lib/console/user-id-inputs.ts';
import { parsePage } from './parse-page.ts';

const ids = (html: string) => findUserIdInputs(parsePage(html).body).map((i) => i.id);

describe('findUserIdInputs', () => {
  it('finds fields named UserID in every way the console names them', () => {
    expect(
      ids(`
        <label for="a">UserID</label><input id="a">
        <input id="b" placeholder="请输入用户名">
        <input id="c" aria-label="用户ID">
        <span id="lbl">用户 ID</span><input id="d" aria-labelledby="lbl">
        <label>Identifier <input id="e"></label>
        <div class="tea-form__item"><div class="tea-form__label"><label>用户名（UserID）</label></div><div class="tea-form__controls"><input id="f"></div></div>
        <input id="g" title="User ID">
        <input id="h" type="search" placeholder="Enter the UserID">`),
    ).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('excludes receiver and group fields even when they mention UserID', () => {
    expect(
      ids(`
        <div><label for="peer">接收方/群 ID</label><input id="peer" placeholder="单聊为接收方 UserID，群聊为 GroupID"></div>
        <input id="en-peer" placeholder="Receiver/Group ID">
        <input id="group" aria-label="Group identifier">
        <input id="user" aria-label="UserID">`),
    ).toEqual(['user']);
  });

  it('ignores other fields: UserSig, error codes, read-only, hidden, password, unlabelled', () => {
    expect(
      ids(`
        <label for="s">签名（UserSig）</label><textarea id="s"></textarea>
        <input id="sig" placeholder="UserSig">
        <input id="code" placeholder="错误码">
        <input id="ro" readonly placeholder="UserID">
        <input id="hidden" type="hidden" aria-label="UserID">
        <input id="pw" type="password" aria-label="UserID">
        <input id="bare">`),
    ).toEqual([]);
  });

  it('does not take the label of a neighbouring field', () => {
    expect(
      ids(`<div class="tea-form__item"><div><label>UserID</label></div><div><input id="u"></div></div>
           <div class="tea-form__item"><div><input id="next"></div></div>`),
    ).toEqual(['u']);
  });
});
