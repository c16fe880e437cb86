// her inbox, language ru. Keys must match inbox.en.ts exactly (checked by TypeScript).
import type { RussianMessages } from './plural';
import type { InboxMessages } from './inbox.en';

export const inboxRu: RussianMessages<InboxMessages> = {
  'inbox.nav': 'Мои сообщения',
  'inbox.title': 'Мои сообщения — Qorgau',
  'inbox.heading': 'Мои сообщения',
  'inbox.intro': 'Если сотрудники дали вам код и секрет для сообщений, введите их здесь, чтобы прочитать, что вам отправили.',
  'inbox.code': 'Код',
  'inbox.codeHint': 'Он начинается с QRG-.',
  'inbox.secret': 'Секрет',
  'inbox.showSecret': 'Показать секрет',
  'inbox.codeRequired': 'Введите код.',
  'inbox.secretRequired': 'Введите секрет.',
  'inbox.open': 'Открыть мои сообщения',
  'inbox.opening': 'Открываем…',
  'inbox.messages': 'Сообщения ({n})',
  'inbox.none': 'Сообщений для вас пока нет.',
  'inbox.urgent': 'Срочно',
  'inbox.sentAt': 'Отправлено {at}',
  'inbox.acknowledge': 'Я прочитала',
  'inbox.acknowledged': 'Вы подтвердили, что прочитали ({at}).',
  'inbox.ackNote': 'Пока вы не подтвердите, срочное сообщение отправляется снова.',
  'inbox.forget': 'Закрыть мои сообщения',
  'inbox.privacy': 'То, что вы вводите здесь, не сохраняется ни в адресной строке, ни в этом браузере. Когда закончите, закройте сообщения или нажмите «Выйти».',
} as const;
