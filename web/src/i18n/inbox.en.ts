// English messages of her inbox (a public page, in the public catalogues). The source of keys:
// inbox.kk.ts and inbox.ru.ts must have exactly these keys.
export const inboxEn = {
  'inbox.nav': 'My messages',
  'inbox.title': 'My messages — Qorgau',
  'inbox.heading': 'My messages',
  'inbox.intro': 'If staff gave you a code and a secret for messages, type them here to read what was sent to you.',
  'inbox.code': 'Code',
  'inbox.codeHint': 'It starts with QRG-.',
  'inbox.secret': 'Secret',
  'inbox.showSecret': 'Show the secret',
  'inbox.codeRequired': 'Type the code.',
  'inbox.secretRequired': 'Type the secret.',
  'inbox.open': 'Open my messages',
  'inbox.opening': 'Opening…',
  'inbox.messages': 'Messages ({n})',
  'inbox.none': 'There are no messages for you yet.',
  'inbox.urgent': 'Urgent',
  'inbox.sentAt': 'Sent {at}',
  'inbox.acknowledge': 'I have read this',
  'inbox.acknowledged': 'You confirmed you read it ({at}).',
  'inbox.ackNote': 'Until you confirm, an urgent message is sent again.',
  'inbox.forget': 'Close my messages',
  'inbox.privacy': 'Nothing you type here is kept in the address bar or in this browser. When you finish, close your messages or use Exit.',
} as const;

export type InboxMessages = Record<keyof typeof inboxEn, string>;
