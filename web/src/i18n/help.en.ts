// English messages of the help screens, merged into en.ts. The source of keys:
// help.kk.ts and help.ru.ts must have exactly these keys.
export const helpEn = {
} as const;

export type HelpMessages = Record<keyof typeof helpEn, string>;
