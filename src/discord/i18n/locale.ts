/** The bot's two languages, how a Discord locale maps to one, and dates in each. */
export type Lang = "de" | "en";
export const LANGS: readonly Lang[] = ["de", "en"];

/** German for any `de*` locale, English for everything else (Discord's locales are "de", "en-US", "en-GB", …). */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === "string" && locale.toLowerCase().startsWith("de") ? "de" : "en";
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }),
};

/** "2023-09-05" → "5. September 2023" / "5 September 2023"; anything unparseable is returned unchanged. */
export function formatDate(isoDate: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? isoDate : dateFormats[lang].format(date);
}

/** "1.2 MB", "930 kB", "512 bytes" (decimal units, as the limit is configured in bytes). */
export function formatByteSize(bytes: number, lang: Lang): string {
  const locale = lang === "de" ? "de-DE" : "en-GB";
  const number = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (bytes < 1_000) return `${bytes} ${lang === "de" ? "Bytes" : "bytes"}`;
  if (bytes < 1_000_000) return `${number(bytes / 1_000)} kB`;
  return `${number(bytes / 1_000_000)} MB`;
}
