// shelters screens, language kk. Keys must match shelters.en.ts exactly (checked by TypeScript).
import type { SheltersMessages } from './shelters.en';

export const sheltersKk: SheltersMessages = {
};
