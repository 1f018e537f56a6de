import { describe, expect, it } from "vitest";
import { isAbbreviationToken, splitSentences } from "../../src/content/sentences.js";

function texts(text: string): string[] {
  return splitSentences(text).map((sentence) => sentence.text);
}

describe("splitSentences: ordinary splitting", () => {
  it("splits at periods, question and exclamation marks", () => {
    expect(texts("Das ist eins. Ist das zwei? Ja, drei! Und vier.")).toEqual(["Das ist eins.", "Ist das zwei?", "Ja, drei!", "Und vier."]);
  });

  it("returns nothing for empty or blank text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("   \n  ")).toEqual([]);
  });

  it("keeps a text without final punctuation as one sentence", () => {
    expect(texts("Russland braucht für seinen Krieg dringend Munition")).toEqual(["Russland braucht für seinen Krieg dringend Munition"]);
  });

  it("does not split inside numbers, domains or before lowercase continuations", () => {
    expect(texts("Es kostet 3.5 Mio. Euro laut t-online.de heute. Danach nicht.")).toEqual([
      "Es kostet 3.5 Mio. Euro laut t-online.de heute.",
      "Danach nicht.",
    ]);
    expect(texts("Wo ist er? fragte sie. Niemand wusste es.")).toEqual(["Wo ist er? fragte sie.", "Niemand wusste es."]);
  });

  it("treats ellipses and ?! runs as one terminator", () => {
    expect(texts("Was?! Unglaublich... Wirklich.")).toEqual(["Was?!", "Unglaublich...", "Wirklich."]);
  });

  it("splits after a year at the end of a sentence and before a sentence starting with a number", () => {
    expect(texts("Das war im Jahr 2019. 2020 kam die Pandemie.")).toEqual(["Das war im Jahr 2019.", "2020 kam die Pandemie."]);
    expect(texts("Die Zahl stieg auf 70. Die Regierung reagierte.")).toEqual(["Die Zahl stieg auf 70.", "Die Regierung reagierte."]);
  });

  it("always ends a sentence at a blank line", () => {
    expect(texts("Erste Zeile ohne Punkt\n\nZweite Zeile")).toEqual(["Erste Zeile ohne Punkt", "Zweite Zeile"]);
  });
});

describe("splitSentences: abbreviations", () => {
  it.each([
    ["Das gilt z. B. für Pjöngjang. Dann nicht.", ["Das gilt z. B. für Pjöngjang.", "Dann nicht."]],
    ["Das gilt z.B. für Pjöngjang. Dann nicht.", ["Das gilt z.B. für Pjöngjang.", "Dann nicht."]],
    ["Sie sprach mit Dr. Müller und Prof. Schmidt. Beide schwiegen.", ["Sie sprach mit Dr. Müller und Prof. Schmidt.", "Beide schwiegen."]],
    ["Beteiligt sind u. a. Russland bzw. China. Das ist neu.", ["Beteiligt sind u. a. Russland bzw. China.", "Das ist neu."]],
    ["Es kamen ca. 300 Leute, d. h. mehr als sonst. Gut.", ["Es kamen ca. 300 Leute, d. h. mehr als sonst.", "Gut."]],
    ["Das Haus Nr. 5 in St. Petersburg brannte. Niemand starb.", ["Das Haus Nr. 5 in St. Petersburg brannte.", "Niemand starb."]],
    ["Vgl. Abschnitt drei. Er ist kurz.", ["Vgl. Abschnitt drei.", "Er ist kurz."]],
    ["Der Schaden liegt bei 2 Mio. Euro bzw. 3 Mrd. Dollar. So die Behörde.", ["Der Schaden liegt bei 2 Mio. Euro bzw. 3 Mrd. Dollar.", "So die Behörde."]],
    ["Im 19. Jh. Europas wuchs die Stadt. Dann schrumpfte sie.", ["Im 19. Jh. Europas wuchs die Stadt.", "Dann schrumpfte sie."]],
    ["Rom wurde im Jahr 753 v. Chr. gegründet. So heißt es.", ["Rom wurde im Jahr 753 v. Chr. gegründet.", "So heißt es."]],
    [
      "Mr. Smith met U.S. officials, e.g. the envoy, i.e. Mr. Jones. It went well.",
      ["Mr. Smith met U.S. officials, e.g. the envoy, i.e. Mr. Jones.", "It went well."],
    ],
    [
      "Vladimir Putin and Kim Jong Un plan to meet in Russia, U.S. officials say. More later.",
      ["Vladimir Putin and Kim Jong Un plan to meet in Russia, U.S. officials say.", "More later."],
    ],
  ])("%s", (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it("splits after a sentence-final 'usw.' or 'etc.' when a typical opener follows", () => {
    expect(texts("Sie kauften Äpfel, Birnen usw. Dann gingen sie.")).toEqual(["Sie kauften Äpfel, Birnen usw.", "Dann gingen sie."]);
    expect(texts("Im Jahr 300 v. Chr. Die Römer kamen.")).toEqual(["Im Jahr 300 v. Chr.", "Die Römer kamen."]);
    expect(texts("Apples, pears etc. The rest was sold.")).toEqual(["Apples, pears etc.", "The rest was sold."]);
  });

  it("does not take ordinary words for abbreviations", () => {
    expect(texts("Das ist eine neue Art. Sie wächst schnell.")).toEqual(["Das ist eine neue Art.", "Sie wächst schnell."]);
    expect(texts("Das sagte Jan. Er lachte.")).toEqual(["Das sagte Jan.", "Er lachte."]);
    expect(texts("I said no. Then I left.")).toEqual(["I said no.", "Then I left."]);
  });

  it("recognises listed abbreviations, also capitalised at a sentence start", () => {
    expect(isAbbreviationToken("bzw.")).toBe(true);
    expect(isAbbreviationToken("Vgl.")).toBe(true);
    expect(isAbbreviationToken("Haus.")).toBe(false);
  });
});

describe("splitSentences: initials, ordinals and dates", () => {
  it("keeps initials inside the sentence", () => {
    expect(texts("Telefonat mit Dr. Eric J. Ballbach. Er ist Experte.")).toEqual(["Telefonat mit Dr. Eric J. Ballbach.", "Er ist Experte."]);
    expect(texts("John F. Kennedy kam. Alle jubelten.")).toEqual(["John F. Kennedy kam.", "Alle jubelten."]);
  });

  it.each([
    ["Er kam am 3. Oktober an. Dann ging er.", ["Er kam am 3. Oktober an.", "Dann ging er."]],
    [
      "Dort findet vom 10. bis 13. September ein Wirtschaftstreffen statt. Kim reist an.",
      ["Dort findet vom 10. bis 13. September ein Wirtschaftstreffen statt.", "Kim reist an."],
    ],
    ["Sie feierten zum 70. Jahrestag des Kriegsendes. Es gab Paraden.", ["Sie feierten zum 70. Jahrestag des Kriegsendes.", "Es gab Paraden."]],
    ["Stand: 05. September 2023. Neu ist nichts.", ["Stand: 05. September 2023.", "Neu ist nichts."]],
    ["Am 1. Mai streiken sie. Am 2. Mai nicht.", ["Am 1. Mai streiken sie.", "Am 2. Mai nicht."]],
    ["Das Treffen am 3. Okt. 2023 verlief ruhig. Danach Stille.", ["Das Treffen am 3. Okt. 2023 verlief ruhig.", "Danach Stille."]],
    ["Ludwig XIV. regierte lange. Er starb 1715.", ["Ludwig XIV. regierte lange.", "Er starb 1715."]],
  ])("%s", (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });
});

describe("splitSentences: quotations", () => {
  it("ends a sentence after the closing quote, not before it", () => {
    expect(texts('Er erklärt. "Russland würde Munition erhalten." Die Truppen klagen.')).toEqual([
      "Er erklärt.",
      '"Russland würde Munition erhalten."',
      "Die Truppen klagen.",
    ]);
  });

  it("handles German, guillemet and English quotation marks", () => {
    expect(texts("Sie sagte: „Wir kommen morgen.“ Danach war Ruhe.")).toEqual(["Sie sagte: „Wir kommen morgen.“", "Danach war Ruhe."]);
    expect(texts("Er rief «Halt!» und lief. Dann «Stopp.» Danach nichts.")).toEqual(["Er rief «Halt!» und lief.", "Dann «Stopp.»", "Danach nichts."]);
    expect(texts("Er rief »Halt!« und lief. Dann Ruhe.")).toEqual(["Er rief »Halt!« und lief.", "Dann Ruhe."]);
    expect(texts("She said “We will come.” Then silence.")).toEqual(["She said “We will come.”", "Then silence."]);
  });

  it("keeps a multi-sentence quotation with its attribution together", () => {
    expect(texts('"Das ist gut. Wir kommen morgen", sagte er. Dann ging er.')).toEqual(['"Das ist gut. Wir kommen morgen", sagte er.', "Dann ging er."]);
    expect(texts("„Wo ist er?“, fragte sie. Niemand wusste es.")).toEqual(["„Wo ist er?“, fragte sie.", "Niemand wusste es."]);
  });

  it("is not derailed by an unmatched quote", () => {
    expect(texts('Er war 1,80" groß. Sie nicht. Gut.')).toEqual(['Er war 1,80" groß.', "Sie nicht.", "Gut."]);
  });
});

describe("splitSentences: offsets", () => {
  it("gives trimmed sentences whose offsets point into the text", () => {
    const text = '  Erster Satz.   Zweiter "Satz." \n Dritter Satz  ';
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.index)).toEqual([0, 1, 2]);
    for (const sentence of sentences) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.text).toBe(sentence.text.trim());
    }
    expect(sentences.map((sentence) => sentence.text)).toEqual(["Erster Satz.", 'Zweiter "Satz."', "Dritter Satz"]);
  });
});
