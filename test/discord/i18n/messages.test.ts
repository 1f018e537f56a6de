import { describe, expect, it } from "vitest";
import { commandList } from "../../../src/discord/commands/index.js";
import { displayCommandName, formatDate, langFromLocale, LANGS, messages } from "../../../src/discord/i18n/index.js";

/** Discord's rule for command and option names (lower case where a letter has a lower case). */
const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface NamedJson {
  name: string;
  description: string;
  name_localizations?: Record<string, string | null> | null;
  description_localizations?: Record<string, string | null> | null;
  options?: NamedJson[];
}

function* namedParts(json: NamedJson): Generator<NamedJson> {
  yield json;
  for (const option of json.options ?? []) yield* namedParts(option);
}

describe("langFromLocale", () => {
  it("maps German locales to de and everything else to en", () => {
    expect(langFromLocale("de")).toBe("de");
    expect(langFromLocale("de-AT")).toBe("de");
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale("en-GB")).toBe("en");
    expect(langFromLocale("fr")).toBe("en");
    expect(langFromLocale(null)).toBe("en");
    expect(langFromLocale(undefined)).toBe("en");
  });
});

describe("command localisations", () => {
  const payloads = commandList.map((command) => command.data.toJSON() as NamedJson);

  it("has valid names and descriptions in de, en-US and en-GB for every command and option", () => {
    for (const payload of payloads) {
      for (const part of namedParts(payload)) {
        for (const locale of ["de", "en-US", "en-GB"]) {
          const name = part.name_localizations?.[locale];
          const description = part.description_localizations?.[locale];
          expect(name, `${part.name} ${locale}`).toMatch(NAME_PATTERN);
          expect(name).toBe(name?.toLowerCase());
          expect(description?.length, `${part.name} ${locale}`).toBeGreaterThan(0);
          expect(description?.length).toBeLessThanOrEqual(100);
        }
        expect(part.name).toMatch(NAME_PATTERN);
        expect(part.description.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it("uses German names for German users", () => {
    const names = payloads.map((payload) => payload.name_localizations?.de);
    expect(names).toEqual(["frage", "zusammenfassung", "quelle", "artikel", "info", "hilfe", "neu-indizieren", "artikel-entfernen"]);
    const ask = payloads[0];
    if (!ask) throw new Error("no /ask");
    expect(displayCommandName(ask, "de")).toBe("/frage");
    expect(displayCommandName(ask, "en")).toBe("/ask");
    expect(displayCommandName({ name: "summary" }, "de")).toBe("/summary");
  });

  it("names the summary lengths in the user's language", () => {
    const summary = commandList.find((command) => command.data.name === "summary")?.data.toJSON();
    const length = summary?.options?.find((option) => option.name === "length");
    expect(length && "choices" in length ? length.choices : undefined).toEqual([
      { name: "short", name_localizations: { de: "kurz", "en-US": "short", "en-GB": "short" }, value: "short" },
      { name: "medium", name_localizations: { de: "mittel", "en-US": "medium", "en-GB": "medium" }, value: "medium" },
      { name: "long", name_localizations: { de: "lang", "en-US": "long", "en-GB": "long" }, value: "long" },
    ]);
  });
});

describe("messages", () => {
  it("speaks German and English", () => {
    expect(messages("de").userCooldown(4)).toBe("Nicht so schnell: Du kannst in 4 s die nächste Frage stellen.");
    expect(messages("en").userCooldown(4)).toBe("Not so fast: you can ask your next question in 4 s.");
    expect(messages("de").questionTooLong(612, 500)).toContain("612");
    expect(messages("en").globalCap(12)).toContain("12 s");
  });

  it("has every text in both languages, and they differ", () => {
    for (const lang of LANGS) {
      const text = messages(lang);
      expect(text.genericError.length).toBeGreaterThan(0);
      expect(text.mentionHint("/ask").split("\n")).toHaveLength(1);
    }
    expect(messages("de").genericError).not.toBe(messages("en").genericError);
    expect(messages("de").about.title).not.toBe(messages("en").about.title);
  });

  it("formats dates per language and leaves unparseable dates alone", () => {
    expect(formatDate("2023-09-05", "de")).toBe("5. September 2023");
    expect(formatDate("2023-09-05", "en")).toBe("5 September 2023");
    expect(formatDate("September 2023", "de")).toBe("September 2023");
  });
});
