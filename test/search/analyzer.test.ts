import { describe, expect, it } from "vitest";
import {
  analyze,
  analyzerFingerprint,
  ANALYZER_VERSION,
  charNgrams,
  detectLanguage,
  foldToken,
  isStopWord,
  tokenize,
  unicodeWords,
  withoutBotAddress,
  withoutQuestionFrame,
} from "../../src/search/analyzer.js";

const terms = (text: string, language: "de" | "en" = "de"): string[] => analyze(text, language).map((token) => token.term);

describe("foldToken", () => {
  it("makes umlaut, transliterated and plain spellings one form", () => {
    expect(foldToken("Südkorea")).toBe(foldToken("Suedkorea"));
    expect(foldToken("Pjöngjang")).toBe(foldToken("Pjoengjang"));
    expect(foldToken("Straße")).toBe(foldToken("STRASSE"));
    expect(foldToken("Äpfel")).toBe(foldToken("aepfel"));
  });

  it("keeps a real 'ue' after q", () => {
    expect(foldToken("Quelle")).toBe("quelle");
  });

  it("keeps 'ue' after a diphthong's vowel, so a word's forms stem alike and 'neuen' is not 'neun'", () => {
    const termsOf = (text: string): string[] => analyze(text, "de").map((token) => token.term);
    expect(new Set(termsOf("neue neuen neues neuer"))).toEqual(new Set(termsOf("neu")));
    expect(termsOf("neuen")).not.toEqual(termsOf("neun"));
    expect(termsOf("Frauen")).toEqual(termsOf("Frau"));
    expect(termsOf("Steuern")).toEqual(termsOf("Steuer"));
    expect(foldToken("Gruene")).toBe(foldToken("Grüne"));
  });

  it("keeps an English final 'ue', so 'issue' and 'issues' stem alike", () => {
    const termsOf = (text: string): string[] => analyze(text, "en").map((token) => token.term);
    expect(new Set(termsOf("issue issues issued"))).toEqual(new Set(termsOf("issue")));
    expect(new Set(termsOf("value values"))).toEqual(new Set(termsOf("value")));
  });
});

describe("tokenize", () => {
  it("splits hyphenated compounds into parts and drops invisible characters", () => {
    expect(tokenize("Atom-U-Boote")).toEqual(["Atom", "U", "Boote"]);
    expect(tokenize("Muni\u00adtion und Zero\u200bWidth")).toEqual(["Munition", "und", "ZeroWidth"]);
  });

  it("keeps a type designation one word, written either way ('F-16' is 'F16')", () => {
    expect(tokenize("F-16-Kampfjets, MiG-29 und S-400")).toEqual(["F16", "Kampfjets", "MiG29", "und", "S400"]);
    expect(terms("Wann kommen die F-16?")).toEqual(terms("wann kommen die f16"));
    // Longer first parts are words of their own: "Covid-19" is "Covid" and "19".
    expect(tokenize("Covid-19")).toEqual(["Covid", "19"]);
  });

  it("reads capitals with a full stop each as one word ('U.S.' is 'US'), and leaves lower-case and single initials", () => {
    expect(tokenize("U.S. officials and the U.N. in the E.U.")).toEqual(["US", "officials", "and", "the", "UN", "in", "the", "EU"]);
    expect(terms("what did U.S. officials say", "en")).toEqual(terms("what did US officials say", "en"));
    expect(tokenize("z.B. John F. Kennedy")).toEqual(["z", "B", "John", "F", "Kennedy"]);
  });
});

describe("analyze", () => {
  it("removes stop words in both languages and stems German inflections together", () => {
    expect(terms("Wann kommen die Waffen des Diktators nach Russland?")).toEqual(terms("kommt Waffe Diktator Russlands"));
    expect(terms("What does the weapon cost?", "en")).toEqual(["weapon", "cost"]);
  });

  it("stems American '-ize' words as their British '-ise' spelling ('organized' is not 'organ')", () => {
    expect(terms("organized realized recognizing mobilization", "en")).toEqual(terms("organised realised recognising mobilisation", "en"));
    expect(terms("organized", "en")).not.toEqual(terms("organ", "en"));
    expect(terms("size prize seize", "en")).toEqual(["size", "prize", "seiz"]);
  });

  it("drops chat abbreviations that stand for asides or function words, and reads 'ppl' as 'people'", () => {
    expect(terms("btw tbh imo idk rn the expert", "en")).toEqual(terms("the expert", "en"));
    expect(terms("vllt iwie kA evtl eig der Experte")).toEqual(terms("der Experte"));
    expect(terms("hallbergen vs. arnsfeld", "en")).toEqual(terms("hallbergen arnsfeld", "en"));
    expect(terms("Hallbergen versus Arnsfeld")).toEqual(terms("Hallbergen Arnsfeld"));
    expect(terms("ppl", "en")).toEqual(terms("people", "en"));
    // German nouns stay: "Wut" is no chat spelling of "what".
    expect(terms("Wut")).toEqual(["wut"]);
  });

  it("drops question words and chat contractions the packaged lists lack", () => {
    expect(terms("wieviel kohle gibts worum geht's")).toEqual(terms("kohle"));
    expect(terms("das wievielte Sanktionspaket")).toEqual(terms("Sanktionspaket"));
    expect(terms("whats the deal who's going", "en")).toEqual(["deal"]);
  });

  it("keeps in English text the words only the German list stops ('war', 'die'), and stops them in German text", () => {
    expect(terms("how long has the war lasted and did anyone die", "en")).toEqual(["long", "war", "last", "die"]);
    expect(terms("Es war kalt, und die Nacht war lang")).toEqual(terms("kalt Nacht lang"));
    expect(isStopWord("war")).toBe(true);
    expect(isStopWord("war", "en")).toBe(false);
    expect(isStopWord("war", "de")).toBe(true);
    // An English question stemmed as German (to meet German paragraphs) keeps its English words all the same.
    expect(analyze("the war", "de", "en").map((token) => token.folded)).toEqual(["war"]);
  });

  it("names what an index's terms depend on, so that an index stored by another analyser is built afresh", () => {
    const fingerprint = analyzerFingerprint();
    expect(fingerprint.startsWith(`${ANALYZER_VERSION}:`)).toBe(true);
    expect(fingerprint.split(" ")).toContain("wieviel");
    expect(fingerprint.split(" ")).not.toContain("munition");
  });

  it("keeps numbers and content words that packaged stop lists wrongly contain", () => {
    expect(terms("im Jahr 2019")).toEqual(["jahr", "2019"]);
    expect(isStopWord("menschen")).toBe(false);
    expect(terms("Wie lange muss ein Ei kochen?")).toContain(terms("Ei")[0]);
    expect(terms("Ei")).toHaveLength(1);
    expect(isStopWord("und")).toBe(true);
  });

  it("drops English contractions, typed with either apostrophe or none", () => {
    expect(analyze("why haven't there been new resolutions", "en").map((token) => token.surface)).toEqual(["new", "resolutions"]);
    for (const contraction of ["haven’t", "doesn't", "didnt", "isn’t", "it's"]) expect(isStopWord(foldToken(contraction)), contraction).toBe(true);
    expect(isStopWord(foldToken("kim's"))).toBe(false);
  });

  it("matches the same word across umlaut spellings after stemming", () => {
    expect(terms("Länder")).toEqual(terms("Laender"));
  });
});

describe("charNgrams", () => {
  it("shares grams between a compound and its part", () => {
    const compound = new Set(charNgrams("munitionsmangel", 4));
    const part = charNgrams("munition", 4);
    const shared = part.filter((gram) => compound.has(gram));
    expect(shared.length).toBeGreaterThanOrEqual(part.length - 1);
  });

  it("returns the padded word when it is shorter than the gram size", () => {
    expect(charNgrams("un", 5)).toEqual(["_un_"]);
  });
});

describe("detectLanguage", () => {
  it("tells German from English questions", () => {
    expect(detectLanguage("Welche Waffen will Russland von Nordkorea?")).toBe("de");
    expect(detectLanguage("What weapons does Russia want from North Korea?")).toBe("en");
  });
});

describe("unicodeWords and question frames", () => {
  it("finds words that begin or end with an umlaut, which \\b alone misses", () => {
    expect(/\büberhaupt\b/iu.test("ist das überhaupt erlaubt")).toBe(false);
    expect(unicodeWords(/\büberhaupt\b/iu).test("ist das überhaupt erlaubt")).toBe(true);
    expect(unicodeWords(/\bhoch\b/iu).test("hochrangig")).toBe(false);
  });

  it("leaves out phrases that frame the question", () => {
    expect(withoutQuestionFrame("Was bietet Russland im Gegenzug überhaupt?").trim()).toMatch(/^Was bietet Russland\s+\?$/);
    expect(withoutQuestionFrame("What does Kim get in return?")).not.toMatch(/return/);
    expect(withoutQuestionFrame("welche art von munition braucht russland")).not.toMatch(/art/);
    expect(withoutQuestionFrame("what kind of weapons does russia want")).not.toMatch(/kind/);
    expect(withoutQuestionFrame("Welche Art ist vom Aussterben bedroht?")).toMatch(/Art/);
  });

  it("leaves out the bot addressed by name at the start or end of a chat message, and keeps a bot asked about", () => {
    expect(withoutBotAddress("hey bot, wer ist Schoigu?")).toBe("wer ist Schoigu?");
    expect(withoutBotAddress("Bot: worum geht es?")).toBe("worum geht es?");
    expect(withoutBotAddress("wer ist Schoigu, bot?")).toBe("wer ist Schoigu");
    expect(withoutBotAddress("danke bot!")).toBe("danke");
    expect(withoutBotAddress("Was kann der Bot?")).toBe("Was kann der Bot?");
    expect(withoutBotAddress("Wie viele Bots gibt es?")).toBe("Wie viele Bots gibt es?");
  });

  it("leaves out the words that ask how often: the answer type stands for them, and articles rarely say 'oft'", () => {
    expect(terms(withoutQuestionFrame("Wie oft hat Kim Trump getroffen?"))).toEqual(terms("Kim Trump getroffen"));
    expect(terms(withoutQuestionFrame("how often does kim travel abroad"), "en")).toEqual(terms("kim travel abroad", "en"));
    // Outside the question frame "oft" is a word like any other.
    expect(terms("Reist Kim oft ins Ausland?")).toContain(terms("oft")[0]);
  });
});
