/** 账号与 UserSig 错误码（core-usersig.ts）的含义：足够小，供弹窗打开时的问题卡片使用。 */
export const USERSIG_MEANINGS_ZH: Record<number, string> = {
  6206: 'UserSig 已过期，请重新获取有效的 UserSig 后再登录',
  7003: 'UserID 非法：只能是可打印 ASCII 字符，长度不超过 32 字节',
  70001: 'UserSig 已过期，请重新生成',
  70002: 'UserSig 长度为 0',
  70003: 'UserSig 校验失败，请确认是否被截断',
  70005: 'UserSig 校验失败，请用控制台工具校验',
  70009: 'UserSig 验证失败，可能是用其他 SDKAppID 的密钥生成的',
  70013: '请求中的 UserID 与 UserSig 不一致',
  70014: '请求中的 SDKAppID 与 UserSig 不一致',
};
