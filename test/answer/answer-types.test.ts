import { describe, expect, it } from "vitest";
import { questionAnswerType, sentenceHasAnswerType } from "../../src/answer/answer-types.js";
import { loadLexicons } from "../../src/search/lexicons.js";

describe("questionAnswerType", () => {
  it("recognises what German and English questions ask for", () => {
    const cases: [string, ReturnType<typeof questionAnswerType>][] = [
      ["Wann reist Kim nach Russland?", "date"],
      ["seit wann gibt es sanktionen", "since"],
      ["how long has russia been short on shells", "since"],
      ["bis wann ging der Koreakrieg", "date"],
      ["When did the sanctions start?", "date"],
      ["in welchem Jahr war das", "date"],
      ["Wie viele Tage blieb die Delegation?", "number"],
      ["how many days did they stay", "number"],
      ["Wie hoch wird der Turm?", "number"],
      ["wie schnell fährt der zug", "number"],
      ["Wie reist Kim nach Russland?", "transport"],
      ["womit fährt die Delegation nach Moskau", "transport"],
      ["how is kim travelling", "transport"],
      ["wie oft reist kim ins ausland", "frequency"],
      ["wie kommt es, dass Russland Munition fehlt", null],
      ["was kostet das ticket", "number"],
      ["what does a ticket cost", "number"],
      ["how fast is the train", "number"],
      ["reist kim oft ins ausland", "frequency"],
      ["does kim travel abroad a lot", "frequency"],
      ["does russia need a lot of ammo", null],
      ["wann reist kim oft", "date"],
      ["what is the capital of north korea", "place"],
      ["whats north koreas capital", "place"],
      ["welche hauptstadt besucht kim", "place"],
      ["whats the population of pyongyang", "number"],
      ["what is the price of a ticket", "number"],
      ["population of moscow?", "number"],
      ["wie hoch ist die einwohnerzahl", "number"],
      ["was ist das alter von kim", "number"],
      ["what does the population get", null],
      ["was bekommt die bevölkerung", null],
      ["wie lange dauert das Wirtschaftstreffen", "duration"],
      ["how long will the delegation stay", "duration"],
      ["wie lange schon gibt es sanktionen", "since"],
      ["how long ago was the summit", "date"],
      ["Wer ist John Kirby?", "agent"],
      ["who is the expert", "person"],
      ["mit wem trifft sich Kim", "agent"],
      ["Wer blockiert neue Resolutionen gegen Nordkorea?", "agent"],
      ["who is russia fighting against", "agent"],
      ["wer leitet die Delegation", "person"],
      ["woher stammt das Atomprogramm", "origin"],
      ["where did the nuclear program come from", "origin"],
      ["which country helped", "origin"],
      ["in welchem Land liegt Wladiwostok", "origin"],
      ["what do they want when it comes to the us", null],
      ["who's the mayor of eastbridge", "person"],
      ["welcher Politiker hat das gesagt", "person"],
      ["Wo findet das Treffen statt?", "place"],
      ["where will they meet", "place"],
      ["für welche organisation arbeitet er", "organisation"],
      ["which think tank is he from", "organisation"],
      ["Warum braucht Russland Munition?", "reason"],
      ["why does russia need shells", "reason"],
      ["Wie oft reist Kim ins Ausland?", "frequency"],
      ["how often does he travel", "frequency"],
      ["Welche Waffen will Russland?", null],
      ["russia ammunition", null],
    ];
    for (const [question, type] of cases) expect(questionAnswerType(question), question).toBe(type);
  });
});

describe("sentenceHasAnswerType", () => {
  const lexicons = loadLexicons();
  it("finds a purpose said with um … zu, also when the verb holds the zu or a number stands between", () => {
    const visit = "Schoigu besuchte Nordkorea, um an den Feierlichkeiten zum 70. Jahrestag des Kriegsendes teilzunehmen.";
    expect(sentenceHasAnswerType(visit, "reason", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Er reiste nach Moskau, um Putin zu treffen.", "reason", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Das Treffen beginnt um 10 Uhr.", "reason", lexicons)).toBe(false);
  });

  it("finds a way of travelling: a vehicle, also as a compound's last part, but not a 'Gegenzug' or an 'Autor'", () => {
    expect(sentenceHasAnswerType("Anreisen wird Nordkoreas Machthaber wohl mit einem speziellen Panzerzug.", "transport", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Im Anschluss könnte Kim gar bis nach Moskau fliegen.", "transport", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("The delegation flew to Moscow on a government plane.", "transport", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Im Gegenzug soll eine Delegation Gespräche fortgesetzt haben.", "transport", lexicons)).toBe(false);
    expect(sentenceHasAnswerType("Der Autor des Berichts reiste nach Russland.", "transport", lexicons)).toBe(false);
  });

  it("finds where something comes from: a country anywhere in the sentence, or words of origin", () => {
    const origin = "Nordkoreas Atomprogramm nahm seinen Ursprung in einer engen Kooperation mit der Sowjetunion.";
    expect(sentenceHasAnswerType(origin, "origin", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Die Zusammenarbeit mit China wächst.", "origin", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Die Zusammenarbeit mit China wächst.", "place", lexicons)).toBe(false);
    expect(sentenceHasAnswerType("Die Zusammenarbeit wächst.", "origin", lexicons)).toBe(false);
  });

  it("finds a person by a role, also at the end of a German compound or in English", () => {
    expect(sentenceHasAnswerType('"Die Gaspreise sind gesunken", sagte Energieexperte Thomas Kreuzer.', "person", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Der Hydrogeologe Matthias Reindl sieht darin einen Kern des Problems.", "person", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Chief executive Martin Hale said the company could not afford it.", "person", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("said Helen Mercer, the structural engineer who led the inspection.", "person", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Die Stadtwerke seien vorbereitet, sagte die Geschäftsführerin am Montag.", "person", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Finanzvorständin Petra Lindqvist rechnet mit Verlusten.", "person", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Ohne Führerschein darf niemand den Bus fahren.", "person", lexicons)).toBe(false);
    expect(sentenceHasAnswerType("Die Gaspreise an den Börsen sind deutlich gesunken.", "person", lexicons)).toBe(false);
    expect(sentenceHasAnswerType("The bridge was closed to all traffic on Tuesday.", "person", lexicons)).toBe(false);
  });

  it("finds whoever a quote is from after the verb of saying, names that are words too ('said Helen Marsh')", () => {
    const quote = '"Footfall is already down 15 per cent since the pandemic," said Helen Marsh, who runs a bakery on Park Street.';
    expect(sentenceHasAnswerType(quote, "person", lexicons)).toBe(true);
    expect(sentenceHasAnswerType(quote, "agent", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Business owners said the loss of parking would drive shoppers away.", "person", lexicons)).toBe(false);
  });

  it("finds a time said as a season or a number of weeks, and a place as a direction from one", () => {
    const delivery = "Das Patriot-System soll innerhalb weniger Wochen übergeben werden, die Panzer frühestens im Herbst.";
    expect(sentenceHasAnswerType(delivery, "date", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("The tanks will arrive in the autumn.", "date", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Die Panzer werden übergeben.", "date", lexicons)).toBe(false);
    expect(sentenceHasAnswerType("Sie verteidigen einen Abschnitt südlich von Kamjanohirsk.", "place", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Der Plan kommt von Putin.", "place", lexicons)).toBe(false);
  });

  it("finds a reason named as such: a ground, a cause, what a refusal pointed to", () => {
    const refusal = "Die Bundesregierung lehnte dies weiterhin ab und verwies auf die Gefahr einer Eskalation mit Russland.";
    expect(sentenceHasAnswerType(refusal, "reason", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Als Grund nannte die Regierung die Kosten.", "reason", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("The council cited safety concerns.", "reason", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Die Bundesregierung lehnte dies weiterhin ab.", "reason", lexicons)).toBe(false);
  });

  it("takes a span up to now for since when, not for when", () => {
    const complaints = "Die Kremltruppen klagen bereits seit Monaten über Munitionsmangel.";
    expect(sentenceHasAnswerType(complaints, "since", lexicons)).toBe(true);
    expect(sentenceHasAnswerType(complaints, "date", lexicons)).toBe(false);
    expect(sentenceHasAnswerType("Sanktionen gibt es seit 2006.", "since", lexicons)).toBe(true);
  });

  it("finds whoever did something: a person, an organisation or a country", () => {
    const blockade = "Seit 2017 gab es keine neuen Resolutionen, was auf deren Blockade durch China und Russland zurückgeht.";
    expect(sentenceHasAnswerType(blockade, "person", lexicons)).toBe(false);
    expect(sentenceHasAnswerType(blockade, "agent", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Die Sanktionen beschloss der UN-Sicherheitsrat.", "agent", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Eric Ballbach erklärt, was dahinter steckt.", "agent", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Die Kremltruppen klagen seit Monaten über Munitionsmangel.", "agent", lexicons)).toBe(false);
  });

  it("does not count a year, a date or an ordinal as an amount, but as a span of time when two dates bound it", () => {
    const meeting = "Dort findet vom 10. bis 13. September ein Wirtschaftstreffen statt.";
    expect(sentenceHasAnswerType(meeting, "number", lexicons)).toBe(false);
    expect(sentenceHasAnswerType(meeting, "duration", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Sanktionen wurden erstmals im Jahr 2006 beschlossen.", "number", lexicons)).toBe(false);
    expect(sentenceHasAnswerType("Er nahm an den Feierlichkeiten zum 70. Jahrestag teil.", "number", lexicons)).toBe(false);
    expect(sentenceHasAnswerType("Mehr als 150 Journalistinnen und Journalisten berichten.", "number", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Die Inflation liege bei fast acht Prozent.", "number", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Im Jahr 2006 waren es 12 Resolutionen.", "number", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Die Kremltruppen klagen bereits seit Monaten über Munitionsmangel.", "duration", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Russland sucht händeringend nach Zulieferern.", "duration", lexicons)).toBe(false);
  });

  it("finds dates, numbers, people, places, organisations, reasons and frequencies", () => {
    expect(sentenceHasAnswerType("Sanktionen wurden erstmals im Jahr 2006 beschlossen.", "date", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Kim will noch im September reisen.", "date", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Die Delegation blieb gut zehn Tage.", "number", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Das sagt der Experte Eric Ballbach.", "person", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Das Treffen findet in Wladiwostok statt.", "place", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Er forscht bei der Stiftung Wissenschaft und Politik (SWP).", "organisation", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Das liegt an der Blockade, weil China nicht zustimmt.", "reason", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Kim reist nur selten ins Ausland.", "frequency", lexicons)).toBe(true);
  });

  it("takes an acronym for an organisation, but not any short word", () => {
    expect(sentenceHasAnswerType("Das sagt ein Experte der SWP.", "organisation", lexicons)).toBe(true);
    expect(sentenceHasAnswerType("Kim will nach Russland reisen.", "organisation", lexicons)).toBe(false);
  });

  it("does not see a kind of thing where there is none", () => {
    expect(sentenceHasAnswerType("Russland sucht händeringend nach Zulieferern.", "date", lexicons)).toBe(false);
    expect(sentenceHasAnswerType("Russland sucht händeringend nach Zulieferern.", "number", lexicons)).toBe(false);
    expect(sentenceHasAnswerType("Russland sucht händeringend nach Zulieferern.", "place", lexicons)).toBe(false);
    expect(sentenceHasAnswerType("Die Kremltruppen klagen über Munitionsmangel.", "person", lexicons)).toBe(false);
  });
});
