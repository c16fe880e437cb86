// English messages of the shelters screens, merged into en.ts. The source of keys:
// shelters.kk.ts and shelters.ru.ts must have exactly these keys.
export const sheltersEn = {
} as const;

export type SheltersMessages = Record<keyof typeof sheltersEn, string>;
