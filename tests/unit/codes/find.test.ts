import { describe, expect, it } from 'vitest';
import { findCodes } from '../../../lib/codes/index.ts';

const codes = (text: string) => findCodes(text).map((f) => f.code);

describe('findCodes', () => {
  it('finds a bare code, a negative TRTC code and a constant name', () => {
    expect(codes('70009')).toEqual([70009]);
    expect(codes('  -100018\n')).toEqual([-100018]);
    expect(codes('ERR_SVR_ACCOUNT_USERSIG_EXPIRED')).toEqual([70001]);
    expect(codes('KICKED_OUT_USERSIG_EXPIRED')).toEqual([3004]);
  });

  it('reports a bare code the dictionary lacks as unknown, not as a guess', () => {
    expect(findCodes('70777')).toEqual([{ code: 70777, index: 0, text: '70777', via: 'number', known: false }]);
  });

  it('reads REST API JSON responses', () => {
    const json = '{"ActionStatus":"FAIL","ErrorInfo":"Fail to Parse json data of body, Please check it","ErrorCode":90001}';
    expect(codes(json)).toEqual([90001]);
    expect(codes('{"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": ""}')).toEqual([]);
    expect(codes('{"code":70001,"message":"userSig has expired"}')).toEqual([70001]);
  });

  it('reads SDK logs, each code once, in order', () => {
    const log = [
      '2026-11-22 10:21:03.117 TIM 10:21:03 login failed. code=70001 message=userSig has expired',
      '2026-11-22 10:21:04.002 [error] sendMessage ErrorCode: 20003, Desc: invalid To_Account',
      'TRTCCloudImpl: trtc_api onEnterRoom -100018, get tinyid error',
      'Chat 10:21:05 TencentCloudChat.login error: {"code":2003,"message":"no userSig"}',
      'code=70001 again',
    ].join('\n');
    expect(codes(log)).toEqual([70001, 20003, -100018, 2003]);
  });

  it('reads Chinese logs', () => {
    expect(codes('登录失败，错误码：6206，请重新获取 UserSig')).toEqual([6206]);
  });

  it('leaves random numbers alone: timestamps, IDs, counts, versions, ports', () => {
    const text = [
      'SDKAppID 1400000001, UserID 70009abc, room 10010, 20003 messages sent at 1700000000',
      'listening on port 9510; version 2.27.6; 3004 ms; size 10007 bytes; uid=70001',
      'at 10:10:10.2003, ids [70009, 60004], 2025-12-02, -3301.5',
    ].join('\n');
    expect(findCodes(text)).toEqual([]);
  });

  it('reports an unknown code under an explicit error-code key, and not an unknown count', () => {
    expect(findCodes('{"ErrorCode":12345}')).toEqual([{ code: 12345, index: 13, text: '12345', via: 'number', known: false }]);
    expect(findCodes('{"count":12345}')).toEqual([]);
  });

  it('does not read digits inside a UserSig or another long token', () => {
    expect(codes('eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NzMvNLS8AiBoYGRoYGBhYGUEYxQpZBpYVLxaamFgYWh*-100018*kAi-20003-vXj*Qs')).toEqual([]);
    expect(codes('usersig=eJwtzMEKgjAcx-GyYp-70009-0Q0ebzuE9hBPtp4 code=70009')).toEqual([70009]);
  });

  it('does not read letters inside longer names as constants', () => {
    expect(codes('MY_NO_USERSIG_FLAG and NO_USERSIGS')).toEqual([]);
  });
});
