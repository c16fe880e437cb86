// help screens, language ru. Keys must match help.en.ts exactly (checked by TypeScript).
import type { HelpMessages } from './help.en';

export const helpRu: HelpMessages = {
};
