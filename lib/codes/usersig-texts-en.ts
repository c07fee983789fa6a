/** The account and UserSig codes (core-usersig.ts): their meanings in English, small enough for the popup at open (the codec's problem cards). */
export const USERSIG_MEANINGS_EN: Record<number, string> = {
  6206: 'UserSig expired; get a valid UserSig and log in again',
  7003: 'Invalid UserID: printable ASCII only, at most 32 bytes',
  70001: 'userSig has expired. Please generate again.',
  70002: 'The length of userSig is 0',
  70003: 'userSig verification failed; check whether it was truncated',
  70005: 'UserSig check failed; verify it with the console tool',
  70009: 'UserSig verification failed; it may have been generated with the key of another SDKAppID',
  70013: 'The requested UserID does not match the UserSig',
  70014: 'The SDKAppID in the request does not match the UserSig',
};
