import { describe, expect, it } from "vitest";
import { needsPredecessor } from "../../../src/answer/summary/index.js";

describe("needsPredecessor", () => {
  it.each([
    "Er sieht Investitionen von 120 Millionen Euro vor.",
    "Sie warnte vor steigenden Zinsen.",
    "Dies zeigt, wie knapp das Geld ist.",
    "Diese Hilfe würde sich Nordkorea entlohnen lassen.",
    "Damals schaute sich der Minister die Anlage an.",
    "Zudem erhoffe sich Kim Lebensmittelhilfen.",
    "Aber auch der Bürgermeister will nicht mit leeren Händen zurückkehren.",
    "Denn das Land sei eine regionale Bedrohung.",
    "Dort findet vom 10. bis 13. September ein Wirtschaftstreffen statt.",
    "Dabei soll es insbesondere um Munition gehen.",
    "Im Anschluss sollen beide Briefe ausgetauscht haben.",
    "Im Gegenzug soll eine Delegation Gespräche fortgesetzt haben.",
    "Aus diesem Grund lehnte der Rat den Antrag ab.",
    "Kurz darauf trat der Minister zurück.",
    "Das gilt als Formsache.",
    "Gleichzeitig seien beide Länder stark isoliert.",
    "Nicht zuletzt habe das Land einen hohen strategischen Wert.",
    "„Man darf nicht vergessen, dass das Programm seinen Ursprung in der Sowjetunion nahm.“",
    "However, the council rejected the plan.",
    "He said the plan would cost more.",
    "This means the budget is balanced.",
    "In addition, three bridges will be repaired.",
    "und danach ging es weiter.",
    "Am Dienstag sagte er, der Haushalt sei solide.",
    "In 2019 traf er sich in Hanoi abermals mit Trump.",
  ])("flags %s", (sentence) => {
    expect(needsPredecessor(sentence)).toBe(true);
  });

  it.each([
    "Das Enfant terrible der Weltpolitik geht auf Reisen.",
    "Die nordkoreanische Landwirtschaft sollte ihre Produktion steigern.",
    "Das wohl bevorstehende Treffen käme nicht überraschend, sagt der Experte.",
    "Der Stadtrat hat den Haushalt beschlossen.",
    "Es gibt keine neuen Resolutionen gegen das Land.",
    "Bereits im vergangenen Jahr haben die USA dem Land Lieferungen vorgeworfen.",
    '"Nordkorea würde sich diese Hilfe entlohnen lassen", sagt Ballbach.',
    "There are three bridges in the city.",
    "The mayor defended the budget on Tuesday.",
    "Kim Jong Un will wohl noch im September nach Russland reisen.",
    "Putin sagte, er wolle im Herbst reisen.",
    "Seit 2017 gab es keine neuen Resolutionen gegen das Land.",
    "Die Beschränkungen umfassen den Verkauf von Rüstungsgütern.",
  ])("accepts %s", (sentence) => {
    expect(needsPredecessor(sentence)).toBe(false);
  });
});
