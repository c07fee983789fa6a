/** The other account codes (core-account.ts): their meanings in English. */
export const ACCOUNT_MEANINGS_EN: Record<number, string> = {
  70016: 'Key not found; check the SDKAppID and the data centre',
  70020: 'SDKAppID not found; check the SDKAppID and the data centre',
  70050: 'Too many failed attempts; check the UserSig and retry after a minute',
  70051: 'The account is blocklisted',
  70052: 'The UserSig has been invalidated; regenerate it and retry',
  70107: 'The requested user account does not exist',
  70114: 'The request was restricted for security reasons',
  70169: 'An internal server timeout occurred; retry',
  70206: 'Invalid batch count in the request',
  70398: 'Account count exceeds the free-trial limit; upgrade',
  70402: 'Invalid parameters; check the required fields',
  70403: 'The request needs the App administrator',
  70500: 'Internal server error; retry',
};
