import { describe, expect, it } from "vitest";
import { loadLexicons } from "../../src/search/lexicons.js";
import { inOtherLanguage } from "../../src/search/other-language.js";

const lexicons = loadLexicons();

describe("inOtherLanguage", () => {
  it.each([
    "Qu'est-ce que la Russie veut de la Corée du Nord ?",
    "¿Qué quiere Rusia de Corea del Norte?",
    "Cosa vuole la Russia dalla Corea del Nord?",
    "Wat wil Rusland van Noord-Korea?",
    "Что хочет Россия от Северной Кореи?",
    "Co Korea Północna chce od Rosji?",
    "Kuzey Kore ne zaman saldırı başlattı?",
    "ロシアは北朝鮮から何を望んでいますか",
    "O que a Coreia do Norte quer da Rússia?",
    "Quem é o presidente da China?",
  ])("tells that %j is in neither German nor English", (question) => {
    expect(inOtherLanguage(question, lexicons)).toBe(true);
  });

  it.each([
    "Was will Kim von Putin?",
    "Wie alt ist Kim Jong Un?",
    "what did de gaulle say about nato",
    "Was sagt Ursula von der Leyen dazu?",
    "Was sagt Erdoğan dazu?",
    "was passiert in são paulo",
    "what did lech wałęsa say",
    "wie viel kostet ein cafe con leche",
    "la la land",
    "Wie reist Kim an?",
    "mit was reist kim an, flieger?",
    "what do a and o stand for",
    "Pourquoi?",
    "ok",
    "???",
  ])("leaves %j alone: German, English, or too little to tell", (question) => {
    expect(inOtherLanguage(question, lexicons)).toBe(false);
  });
});
