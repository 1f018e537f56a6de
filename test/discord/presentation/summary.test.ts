import { describe, expect, it } from "vitest";
import type { Summary, SummarySentence } from "../../../src/answer/summary/index.js";
import {
  LIMITS,
  NO_MENTIONS,
  embedLimitViolations,
  embedTextLength,
  presentSummary,
  shareBudget,
  unescapeDiscordText,
} from "../../../src/discord/presentation/index.js";

describe("presentSummary", () => {
  function summary(sentences: SummarySentence[], overrides: Partial<Summary> = {}): Summary {
    return {
      articleId: "nordkorea-russland-waffen",
      articleTitle: "Waffen aus Nordkorea für Russland: Putins letzter Ausweg?",
      publisher: "t-online",
      date: "2023-09-05",
      url: "https://www.t-online.de/nachrichten/ausland/id_100240388/kim-jong-un-und-putin.html",
      length: "long",
      section: null,
      sectionNumber: null,
      scoring: "lexical",
      sentences,
      ...overrides,
    };
  }
  const sentence = (text: string, paragraph: number, sentenceIndex = 0): SummarySentence => ({ text, paragraph, sentenceIndex, heading: null });

  /** Quoted lines and their citations, read back as the user would see them. */
  function entries(description: string): Array<{ text: string; paragraph: number }> {
    const lines = description.split("\n");
    return lines.flatMap((line, index) => {
      const citation = /^— \*\*¶(\d+)\*\*$/.exec(lines[index + 1] ?? "");
      return line.startsWith("> ") && citation ? [{ text: unescapeDiscordText(line.slice(2)), paragraph: Number(citation[1]) }] : [];
    });
  }

  it("fits eight very long, markdown-heavy sentences: every one appears, cut fairly, within every limit", () => {
    const long = (seed: number) => `Satz ${seed}: ` + "Munition *und* Waffen_aus [Nordkorea] für Russland. ".repeat(40);
    const input = Array.from({ length: 8 }, (_, index) => sentence(long(index), index + 1));
    const payload = presentSummary(summary(input), "de");
    const embed = payload.embeds[0];
    if (!embed) throw new Error("no embed");
    expect(embedLimitViolations(embed)).toEqual([]);
    expect(embed.description?.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embedTextLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    const shown = entries(embed.description ?? "");
    expect(shown.map((entry) => entry.paragraph)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    shown.forEach((entry, index) => {
      expect(entry.text.endsWith("…")).toBe(true);
      expect(input[index]?.text.startsWith(entry.text.replace(/ ?…$/, ""))).toBe(true);
      // A fair share each: no sentence is squeezed to a stub.
      expect(entry.text.length).toBeGreaterThan(250);
    });
    expect(payload.allowedMentions).toEqual(NO_MENTIONS);
  });

  it("groups a whole-article summary under its section headings, each heading once, within the limits", () => {
    const withHeading = (text: string, paragraph: number, heading: string | null): SummarySentence => ({ ...sentence(text, paragraph), heading });
    const long = (seed: number) => `Satz ${seed}: ` + "Munition und Waffen aus Nordkorea für Russland. ".repeat(40);
    const input = [
      withHeading(long(1), 1, null),
      withHeading(long(2), 6, "Russland braucht **Munition**"),
      withHeading(long(3), 9, "Russland braucht **Munition**"),
      withHeading(long(4), 14, "Bereits 2019 war Kim in Russland"),
    ];
    const embed = presentSummary(summary(input), "en").embeds[0];
    const description = embed?.description ?? "";
    const headings = description.split("\n").filter((line) => /^\*\*[^¶]/.test(line));
    expect(headings).toEqual(["**Opening (no heading)**", "**Russland braucht \\*\\*Munition\\*\\***", "**Bereits 2019 war Kim in Russland**"]);
    expect(entries(description).map((entry) => entry.paragraph)).toEqual([1, 6, 9, 14]);
    if (embed) expect(embedLimitViolations(embed)).toEqual([]);
    // A one-section summary has its heading in the title, so none in the body.
    const single = presentSummary(summary(input.slice(1, 3), { sectionNumber: 2, section: "Russland braucht Munition" }), "en").embeds[0];
    expect((single?.description ?? "").split("\n").filter((line) => /^\*\*[^¶]/.test(line))).toEqual([]);
  });

  it("keeps short sentences whole and gives long ones the rest", () => {
    const short = "Kim Jong Un will wohl noch im September nach Russland reisen.";
    const input = [sentence(short, 1), sentence("Lang ".repeat(2_000).trim() + ".", 2), sentence(short, 3)];
    const shown = entries(presentSummary(summary(input), "en").embeds[0]?.description ?? "");
    expect(shown[0]?.text).toBe(short);
    expect(shown[2]?.text).toBe(short);
    expect(shown[1]?.text.length).toBeGreaterThan(3_000);
  });

  it("escapes article text: no pings, no markup, no mention tokens", () => {
    const hostile = "@everyone **fett** <@123456789012345678> [Link](http://evil) # Überschrift sagt er.";
    const payload = presentSummary(summary([sentence(hostile, 4)]), "de");
    const description = payload.embeds[0]?.description ?? "";
    expect(description).not.toMatch(/@everyone/);
    expect(description).not.toMatch(/<@\d/);
    expect(description).toContain("\\*\\*fett\\*\\*");
    expect(entries(description)).toEqual([{ text: hostile, paragraph: 4 }]);
  });

  it("heads the summary with the linked article, publisher and date in the user's language", () => {
    const payload = presentSummary(
      summary([sentence("Ein Satz, der lang genug ist, um zitiert zu werden.", 1)], {
        length: "short",
        section: "Russland braucht Munition",
        sectionNumber: 2,
      }),
      "en",
    );
    const embed = payload.embeds[0];
    expect(embed?.title).toBe("Summary (short) · section 2: Russland braucht Munition");
    expect(embed?.description?.split("\n")[0]).toBe(
      "[Waffen aus Nordkorea für Russland: Putins letzter Ausweg?](https://www.t-online.de/nachrichten/ausland/id_100240388/kim-jong-un-und-putin.html) · t-online · 5 September 2023",
    );
    expect(embed?.footer?.text).toBe("1 sentence verbatim from the article, in its order · selection: lexical");
  });

  it("says so when nothing could be quoted", () => {
    const payload = presentSummary(summary([], { publisher: null, date: null, url: null, sectionNumber: 1, section: null }), "de");
    expect(payload.embeds[0]?.title).toBe("Zusammenfassung (lang) · Abschnitt 1 (Einleitung)");
    expect(payload.embeds[0]?.description).toBe(
      "Waffen aus Nordkorea für Russland: Putins letzter Ausweg? · *Herausgeber und Datum nicht angegeben*\n\nIn diesem Teil des Artikels steht kein Satz, der sich für sich allein als Zusammenfassung zitieren lässt.",
    );
  });

  it("shareBudget meets small wants in full and splits the rest equally", () => {
    expect(shareBudget([10, 1_000, 1_000], 900)).toEqual([10, 445, 445]);
    expect(shareBudget([100, 200], 1_000)).toEqual([100, 200]);
    expect(shareBudget([], 100)).toEqual([]);
  });
});
