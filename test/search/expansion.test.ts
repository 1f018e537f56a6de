import { describe, expect, it } from "vitest";
import { analyze } from "../../src/search/analyzer.js";
import { DEFAULT_EXPANSION_OPTIONS, expandTokens, guessQuestionLanguage, type TermExpansion } from "../../src/search/expansion.js";
import { Vocabulary } from "../../src/search/vocabulary.js";
import { EMPTY_LEXICONS, loadLexicons, type Lexicons, type TermPhrase } from "../../src/search/lexicons.js";
import { LexicalIndex, type LexicalDocument } from "../../src/search/lexical.js";

const term = (word: string, language: "de" | "en" = "de"): string => analyze(word, language)[0]?.term ?? "";

/** A hand-made lexicon in index-term form, as scripts/build-lexicons.ts writes them. */
function lexicon(extraTranslations: readonly [string, TermPhrase[]][] = []): Lexicons {
  const translations = new Map<string, TermPhrase[]>([
    ...extraTranslations,
    [term("weapons", "en"), [[term("Waffe")], [term("Rüstung")]]],
    [term("ammo", "en"), [[term("Munition")]]],
    [term("food", "en"), [[term("Lebensmittel")], [term("Nahrung")]]],
    [term("need", "en"), [[term("brauchen")], [term("benötigen")], [term("Bedarf")]]],
    [`${term("north", "en")} ${term("korea", "en")}`, [[term("Nordkorea")]]],
    [term("korea", "en"), [[term("Korea")]]],
    [term("north", "en"), [[term("Norden")]]],
    [term("bread", "en"), [[term("Brot")]]],
    [term("met", "en"), [[term("Polizei"), term("London")]]],
    [term("meet", "en"), [[term("treffen")], [term("zusammenkommen")]]],
    [term("agree", "en"), [[term("zustimmen")], [term("einverstanden"), term("erklären")]]],
    [term("explain", "en"), [[term("einverstanden"), term("erklären")]]],
  ]);
  const synonyms = new Map<string, string[]>([
    [term("Geschosse"), [term("Munition"), term("Projektil")]],
    [term("Munition"), [term("Geschosse")]],
  ]);
  return {
    synonyms,
    verbSynonyms: new Map([[term("brauchen"), [term("benötigen")]]]),
    translations: { "en-de": translations, "de-en": new Map() },
    verbForms: {
      de: new Map([
        [term("getroffen"), [term("treffen"), term("traf")]],
        [term("traf"), [term("treffen"), term("getroffen")]],
      ]),
      en: new Map([[term("met", "en"), [term("meet", "en")]]]),
    },
    frequency: {
      de: new Map([[term("Waffe"), 8]]),
      en: new Map([
        ["weapon", 8],
        ["food", 9],
        ["need", 9],
        ["bread", 7],
        [term("shortage", "en"), 12],
      ]),
    },
    describing: { de: new Set(), en: new Set() },
    longestKey: 2,
  };
}

/**
 * The expansions of a question asked in one language about articles in the other, each word's list in question
 * order; every word unknown to the articles unless `known` says otherwise.
 */
function expandAcross(question: string, questionLanguage: "de" | "en", lexicons: Lexicons, vocabulary: Vocabulary, known?: boolean[]): TermExpansion[][] {
  const german = analyze(question, "de");
  return expandTokens(
    {
      german,
      english: questionLanguage === "en" ? analyze(question, "en") : null,
      questionLanguage,
      indexLanguages: new Set([questionLanguage === "en" ? "de" : "en"]),
      known: known ?? german.map(() => false),
    },
    lexicons,
    vocabulary,
    DEFAULT_EXPANSION_OPTIONS,
  );
}

const documents: LexicalDocument[] = [
  { id: "waffen", title: "Bericht", heading: null, text: "Russland braucht Waffen und Munition aus Nordkorea.", language: "de" },
  { id: "hunger", title: "Bericht", heading: null, text: "Im Land herrscht Lebensmittelknappheit, Millionen hungern.", language: "de" },
  { id: "sued", title: "Bericht", heading: null, text: "Südkorea und Japan sehen die Zusammenarbeit mit Sorge.", language: "de" },
  { id: "brot", title: "Küche", heading: null, text: "Brot wird aus Mehl, Wasser und Salz gebacken.", language: "de" },
];

describe("guessQuestionLanguage", () => {
  it("uses function words, and the dictionaries for keyword queries", () => {
    const lexicons = lexicon();
    expect(guessQuestionLanguage("What does Russia need?", lexicons)).toBe("en");
    expect(guessQuestionLanguage("Was braucht Russland?", lexicons)).toBe("de");
    expect(guessQuestionLanguage("weapon need", lexicons)).toBe("en");
    expect(guessQuestionLanguage("Waffe", lexicons)).toBe("de");
  });

  it("reads the pronominal adverbs and particles of a German chat question as German, whatever its names", () => {
    // "Kim" is an English dictionary word and "bekomt" a typo: only "dafür" tells.
    expect(guessQuestionLanguage("was bekomt kim dafür", loadLexicons())).toBe("de");
    expect(guessQuestionLanguage("seit wann ist kim eigentlich in russland", loadLexicons())).toBe("de");
    expect(guessQuestionLanguage("was kim ever in russia", loadLexicons())).toBe("en");
  });

  it("lets a word the articles hold vote for their language only, when they are all in one", () => {
    // The English list knows "Kim" as a name; German articles naming him make it no English word.
    expect(guessQuestionLanguage("was will kim", loadLexicons())).toBe("en");
    const germanArticles = (word: string): "de" | null => (word === "kim" ? "de" : null);
    expect(guessQuestionLanguage("was will kim", loadLexicons(), germanArticles)).toBe("de");
    expect(guessQuestionLanguage("kim weapons", loadLexicons(), germanArticles)).toBe("en");
    expect(guessQuestionLanguage("was kim ever in russia", loadLexicons(), germanArticles)).toBe("en");
  });

  it("counts a dictionary headword the frequency lists lack ('ammo') as a word of its language", () => {
    expect(guessQuestionLanguage("ammo", lexicon())).toBe("en");
  });
});

describe("expandTokens", () => {
  const vocabulary = new Vocabulary(["waff", "munition", "nordkorea", "sudkorea", "lebensmittelknapp", "braucht"]);
  const expand = (question: string, language: "de" | "en"): ReturnType<typeof expandTokens> => {
    const german = analyze(question, "de");
    return expandTokens(
      {
        german,
        english: language === "en" ? analyze(question, "en") : null,
        questionLanguage: language,
        indexLanguages: new Set(["de"]),
        known: german.map(() => false),
      },
      lexicon(),
      vocabulary,
      DEFAULT_EXPANSION_OPTIONS,
    );
  };

  it("translates English words into the index's German terms only, weighted below the question's own words", () => {
    const [weapons, need] = expand("weapons need", "en");
    expect(weapons?.map((expansion) => expansion.term)).toEqual(["waff"]);
    expect(need?.map((expansion) => expansion.term)).toEqual(["braucht"]);
    for (const expansion of [...(weapons ?? []), ...(need ?? [])]) {
      expect(expansion.weight).toBeGreaterThan(0);
      expect(expansion.weight).toBeLessThan(1);
      expect(expansion.via).toBe("translation");
    }
  });

  it("takes the longest phrase: North Korea is Nordkorea, never Südkorea", () => {
    const expansions = expand("north korea", "en")
      .flat()
      .map((expansion) => expansion.term);
    expect(expansions).toContain("nordkorea");
    expect(expansions).not.toContain("sudkorea");
  });

  it("reaches compounds of a translation at a lower weight than the word itself", () => {
    const [food] = expand("food", "en");
    const compound = food?.find((expansion) => expansion.term === "lebensmittelknapp");
    expect(compound).toBeDefined();
    expect(compound?.weight ?? 1).toBeLessThan(DEFAULT_EXPANSION_OPTIONS.translationWeight);
  });

  it("meets verbs through the synonyms of a verb form's reduced stem", () => {
    const verbs = new Vocabulary(["benotigt"]);
    const german = analyze("braucht", "de");
    const [braucht] = expandTokens(
      { german, english: null, questionLanguage: "de", indexLanguages: new Set(["de"]), known: [false] },
      lexicon(),
      verbs,
      DEFAULT_EXPANSION_OPTIONS,
    );
    expect(braucht?.map((expansion) => expansion.term)).toEqual(["benotigt"]);
  });

  it("adds German synonyms the index has, and nothing it lacks", () => {
    const [geschosse] = expand("Geschosse", "de");
    expect(geschosse?.map((expansion) => expansion.term)).toEqual(["munition"]);
    expect(geschosse?.[0]?.via).toBe("synonym");
    expect(expand("Kochrezept", "de").flat()).toEqual([]);
  });

  it("reaches a compound the index has with a synonym for one part of the question's compound", () => {
    const compounds = new Vocabulary([term("Munitionsmangel")]);
    const german = analyze("Geschossmangel", "de");
    const [shortage] = expandTokens(
      { german, english: null, questionLanguage: "de", indexLanguages: new Set(["de"]), known: [false] },
      { ...lexicon(), frequency: { de: new Map([[term("Mangel"), 9]]), en: new Map() } },
      compounds,
      DEFAULT_EXPANSION_OPTIONS,
    );
    expect(shortage).toEqual([{ term: term("Munitionsmangel"), weight: DEFAULT_EXPANSION_OPTIONS.unknownSynonymWeight, via: "synonym" }]);
  });
});

describe("verb forms and phrases", () => {
  const vocabulary = new Vocabulary(["treff", "polizei", "erklart", "zustimm"]);
  const english = (question: string): string[] =>
    expandAcross(question, "en", lexicon(), vocabulary)
      .flat()
      .map((expansion) => expansion.term);

  it("translates an irregular English form as its infinitive", () => {
    expect(english("met")).toEqual(["treff"]);
  });

  it("lets a phrase translation stand for its words only when the word has no one-word translation", () => {
    expect(english("agree")).toEqual(["zustimm"]);
    expect(english("explain")).toEqual(["erklart"]);
  });

  it("translates a German verb form the dictionary lacks as the verb it belongs to", () => {
    const lexicons: Lexicons = {
      ...lexicon(),
      translations: { "en-de": new Map(), "de-en": new Map([[term("entlassen"), [[term("dismiss", "en")]]]]) },
      verbForms: { de: new Map([[term("entlässt"), [term("entließ"), term("entlassen")]]]), en: new Map() },
    };
    const reached = expandAcross("entlässt", "de", lexicons, new Vocabulary([term("dismiss", "en")]));
    expect(reached.flat().map((expansion) => expansion.term)).toEqual([term("dismiss", "en")]);
  });

  it("adds the verb's common senses to a form the dictionary lists apart with a rare one", () => {
    const lexicons: Lexicons = {
      ...lexicon(),
      translations: {
        "en-de": new Map(),
        "de-en": new Map([
          [term("kostet"), [[term("tastes", "en")]]],
          [term("kosten"), [[term("taste", "en")], [term("cost", "en")]]],
        ]),
      },
      verbForms: { de: new Map([[term("kostet"), [term("kosten"), term("gekostet")]]]), en: new Map() },
    };
    const reached = expandAcross("kostet", "de", lexicons, new Vocabulary([term("cost", "en")]));
    expect(reached.flat().map((expansion) => expansion.term)).toEqual([term("cost", "en")]);
  });
});

describe("English words clipped from longer headwords", () => {
  const headwords = new Map<string, TermPhrase[]>([
    [term("technology", "en"), [[term("Technologie")]]],
    [term("technique", "en"), [[term("Technik")]]],
  ]);
  const table = {
    get: (key: string): TermPhrase[] | undefined => headwords.get(key),
    keysStartingWith: (prefix: string, limit: number): string[] | null => {
      const keys = [...headwords.keys()].filter((key) => key.startsWith(prefix)).sort();
      return keys.length > limit ? null : keys;
    },
  };
  const expandEnglish = (question: string, vocabulary: Vocabulary): string[] =>
    expandAcross(question, "en", { ...lexicon(), translations: { "en-de": table, "de-en": new Map() } }, vocabulary)
      .flat()
      .map((expansion) => expansion.term);

  it("reads a word the dictionary lacks as the start of the headwords it begins", () => {
    expect(expandEnglish("tech", new Vocabulary([term("Technologie"), term("Technik")])).sort()).toEqual([term("Technik"), term("Technologie")].sort());
    expect(expandEnglish("tec", new Vocabulary([term("Technologie")]))).toEqual([]);
  });
});

describe("two English words German says in one", () => {
  const lexicons: Lexicons = {
    ...lexicon(),
    translations: {
      "en-de": new Map([
        [term("security", "en"), [[term("Sicherheit")], [term("Schutz")]]],
        [term("council", "en"), [[term("Rat")], [term("Gremium")]]],
        [term("city", "en"), [[term("Stadt")]]],
      ]),
      "de-en": new Map(),
    },
  };
  const index = (texts: readonly string[]): LexicalIndex =>
    LexicalIndex.build(
      texts.map((text, position) => ({ id: `p${position + 1}`, title: "Bericht", heading: null, text, language: "de" as const })),
      {},
      lexicons,
    );

  it('meets the compound of their translations, even with a head as short as "Rat"', () => {
    const expansions = expandAcross("security council", "en", lexicons, new Vocabulary([term("Sicherheitsrat"), term("Stadtrat")]));
    expect(expansions).toHaveLength(2);
    for (const list of expansions) {
      expect(list).toContainEqual({ term: term("Sicherheitsrat"), weight: DEFAULT_EXPANSION_OPTIONS.translationWeight, via: "translation" });
      expect(list.map((expansion) => expansion.term)).not.toContain(term("Stadtrat"));
    }
  });

  it("answers from the paragraph that has the compound, and not from another compound of one part", () => {
    const paragraphs = index(["Der Stadtrat tagt am Montag.", "Der Sicherheitsrat hat neue Sanktionen beschlossen."]);
    expect(paragraphs.search("what did the security council decide").hits[0]?.id).toBe("p2");
    expect(paragraphs.search("when does the city council meet").hits[0]?.id).toBe("p1");
  });
});

describe("German compounds the dictionary lacks, asked about English articles", () => {
  const lexicons: Lexicons = {
    ...lexicon(),
    translations: {
      "en-de": new Map(),
      "de-en": new Map([
        [term("Hafen"), [[term("harbour", "en")], [term("port", "en")]]],
        [term("Brücke"), [[term("bridge", "en")]]],
        [term("Bahn"), [[term("railway", "en")], [term("rail", "en")], [term("path", "en")], [term("track", "en")], [term("web", "en")]]],
      ]),
    },
  };
  const vocabulary = new Vocabulary(["harbour", "bridg", "rail", "web", "port"].map((word) => term(word, "en")));
  const expandGerman = (question: string, known: boolean[]): string[][] =>
    expandAcross(question, "de", lexicons, vocabulary, known).map((list) => list.map((expansion) => expansion.term));

  it("says a compound by its parts' translations, weighted below a whole word's", () => {
    const [bridge] = expandAcross("Hafenbrücke", "de", lexicons, vocabulary);
    expect(bridge?.map((expansion) => expansion.term).sort()).toEqual([term("bridge", "en"), term("harbour", "en"), term("port", "en")].sort());
    for (const expansion of bridge ?? []) expect(expansion.weight).toBeLessThan(DEFAULT_EXPANSION_OPTIONS.translationWeight);
  });

  it("follows only a part's common senses, and leaves words the articles have alone", () => {
    expect(expandGerman("Bahnbrücke", [false])[0]).not.toContain(term("web", "en"));
    expect(expandGerman("Bahnbrücke", [false])[0]).toContain(term("rail", "en"));
    expect(expandGerman("Hafenbrücke", [true])).toEqual([[]]);
  });
});

describe("LexicalIndex with lexicons", () => {
  it("matches a German verb form that stems apart from the one in the text (getroffen / traf)", () => {
    const index = LexicalIndex.build(
      [
        { id: "traf", title: "", heading: null, text: "Im Jahr 2019 traf er Putin in Wladiwostok.", language: "de" },
        { id: "reise", title: "", heading: null, text: "Im Jahr 2018 reiste er nach Singapur.", language: "de" },
      ],
      {},
      lexicon(),
    );
    const hit = index.search("Hat er Putin schon getroffen?").hits[0];
    expect(hit?.id).toBe("traf");
    expect(hit?.tokenCertain).toEqual([true, true]);
    expect(
      LexicalIndex.build([{ id: "traf", title: "", heading: null, text: "Er traf ihn.", language: "de" }], {}, EMPTY_LEXICONS).search("getroffen").hits,
    ).toHaveLength(0);
  });

  it("answers an English question from German paragraphs through the translations", () => {
    const withLexicons = LexicalIndex.build(documents, {}, lexicon());
    const without = LexicalIndex.build(documents, {}, EMPTY_LEXICONS);
    expect(withLexicons.search("What weapons does Russia need from North Korea?").hits[0]?.id).toBe("waffen");
    expect(withLexicons.search("What food is there?").hits[0]?.id).toBe("hunger");
    expect(without.search("What food is there?").hits).toHaveLength(0);
  });

  it("ranks a paragraph with the question's own word above one reached only by a synonym", () => {
    const index = LexicalIndex.build(
      [
        { id: "own", title: "", heading: null, text: "Geschosse wurden geliefert.", language: "de" },
        { id: "synonym", title: "", heading: null, text: "Munition wurde geliefert.", language: "de" },
      ],
      {},
      lexicon(),
    );
    const result = index.search("Geschosse geliefert");
    expect(result.hits.map((hit) => hit.id)).toEqual(["own", "synonym"]);
    expect(result.hits[1]?.coverage ?? 1).toBeLessThan(result.hits[0]?.coverage ?? 0);
  });
});

describe("compound parts of a word the articles lack", () => {
  it("are a German word's, not an English word's that happens to end like one", () => {
    const vocabulary = new Vocabulary([term("Tage"), term("Korea"), term("Krieg")]);
    expect(expandAcross("shortage", "en", lexicon(), vocabulary)[0]?.map((expansion) => expansion.term) ?? []).not.toContain(term("Tage"));
    // A German word in an English question is still read as the compound it is.
    const german = expandAcross("koreakrieg", "en", lexicon(), vocabulary)[0]?.map((expansion) => expansion.term) ?? [];
    expect(german).toEqual(expect.arrayContaining([term("Korea"), term("Krieg")]));
  });
});

describe("a phrase whose translations the articles lack", () => {
  const withWar = (): Lexicons =>
    lexicon([
      [`${term("korean", "en")} ${term("war", "en")}`, [[term("Koreakrieg")]]],
      [term("war", "en"), [[term("Krieg")]]],
    ]);
  const expandEnglish = (question: string, vocabulary: Vocabulary): TermExpansion[][] => {
    // An English question keeps "war", a stop word of German text only.
    const german = analyze(question, "de", "en");
    return expandTokens(
      { german, english: analyze(question, "en"), questionLanguage: "en", indexLanguages: new Set(["de"]), known: german.map(() => false) },
      withWar(),
      vocabulary,
      DEFAULT_EXPANSION_OPTIONS,
    );
  };

  it("leaves its words to their own translations: an article about the war need not name the Korean War", () => {
    const [, war] = expandEnglish("when did the korean war end", new Vocabulary(["krieg", "end"]));
    expect(war?.map((expansion) => expansion.term)).toContain("krieg");
  });

  it("stands for its words when the articles have its translation", () => {
    const [korean, war] = expandEnglish("when did the korean war end", new Vocabulary(["krieg", "koreakrieg", "end"]));
    expect(korean?.map((expansion) => expansion.term)).toEqual(["koreakrieg"]);
    expect(war?.map((expansion) => expansion.term)).toEqual(["koreakrieg"]);
  });
});
