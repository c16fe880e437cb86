// her inbox, language kk. Keys must match inbox.en.ts exactly (checked by TypeScript).
import type { InboxMessages } from './inbox.en';

export const inboxKk: InboxMessages = {
  'inbox.nav': 'Менің хабарламаларым',
  'inbox.title': 'Менің хабарламаларым — Qorgau',
  'inbox.heading': 'Менің хабарламаларым',
  'inbox.intro': 'Қызметкерлер сізге хабарламалар үшін код пен құпия сөз берген болса, сізге жіберілгенді оқу үшін оларды осында енгізіңіз.',
  'inbox.code': 'Код',
  'inbox.codeHint': 'Ол QRG- деп басталады.',
  'inbox.secret': 'Құпия сөз',
  'inbox.showSecret': 'Құпия сөзді көрсету',
  'inbox.codeRequired': 'Кодты енгізіңіз.',
  'inbox.secretRequired': 'Құпия сөзді енгізіңіз.',
  'inbox.open': 'Хабарламаларымды ашу',
  'inbox.opening': 'Ашылуда…',
  'inbox.messages': 'Хабарламалар ({n})',
  'inbox.none': 'Әзірге сізге хабарлама жоқ.',
  'inbox.urgent': 'Шұғыл',
  'inbox.sentAt': 'Жіберілген уақыты: {at}',
  'inbox.acknowledge': 'Мен оқыдым',
  'inbox.acknowledged': 'Сіз оқығаныңызды растадыңыз ({at}).',
  'inbox.ackNote': 'Сіз растамайынша, шұғыл хабарлама қайта жіберіле береді.',
  'inbox.forget': 'Хабарламаларымды жабу',
  'inbox.privacy': 'Мұнда енгізгеніңіз мекенжай жолында да, осы браузерде де сақталмайды. Аяқтаған соң хабарламаларыңызды жабыңыз немесе «Шығу» батырмасын басыңыз.',
} as const;
