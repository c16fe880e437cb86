// Messages that put a number with a noun ("через 2 дня", "5 дней") are written once per plural
// category of the language (Unicode CLDR: one, few, many, other), as `key#one` … `key#other`, and
// shown by plural() in lib/i18n.svelte.ts, which picks the category with Intl.PluralRules.
// English and Kazakh have one and other (a Kazakh noun after a numeral stays singular, so its
// forms are usually the same); Russian also has few and many. The English catalogues are the
// source of keys, so they name each plural message by its `#one` and `#other`; the Russian ones
// must add `#few` and `#many` for each (checked by TypeScript). The `#` keeps these apart from
// keys that end in a value named like a category (`shelters.service.other`).

/** The base keys of the plural messages in a catalogue type (`orders.daysLeft.n` of `orders.daysLeft.n#other`). */
export type PluralBase<T> = { [K in keyof T]: K extends `${infer Base}#other` ? Base : never }[keyof T];

/** A Russian catalogue: the source's keys plus the few and many forms of each plural message. */
export type RussianMessages<T> = Record<keyof T, string> & Record<`${PluralBase<T>}#few` | `${PluralBase<T>}#many`, string>;
