import { describe, expect, it } from "vitest";
import { isBoilerplateLine, isTeaserSentence, publisherFromBoilerplate } from "../../../src/content/parse/boilerplate.js";

describe("helpers", () => {
  it("classifies boilerplate lines", () => {
    expect(isBoilerplateLine("Mehr als 150 Journalistinnen und Journalisten berichten rund um die Uhr für Sie über das Geschehen.")).toBe(true);
    expect(isBoilerplateLine("Zum journalistischen Leitbild von t-online.")).toBe(true);
    expect(isBoilerplateLine("Alle Rechte vorbehalten.")).toBe(true);
    expect(isBoilerplateLine("Wir verwenden Cookies. Bitte akzeptieren Sie die Einstellungen.")).toBe(true);
    expect(isBoilerplateLine("Das Leitbild der Partei wurde überarbeitet.")).toBe(false);
    expect(isBoilerplateLine("Anmelden können sich Interessierte bis Mai.")).toBe(false);
    expect(isBoilerplateLine("Mehr als 150 Journalistinnen und Journalisten berichten rund um die Uhr für Sie.", "tail")).toBe(false);
  });

  it("recognises teaser sentences", () => {
    expect(isTeaserSentence("Mehr über das Gefährt Kims lesen Sie hier.")).toBe(true);
    expect(isTeaserSentence("Lesen Sie auch: Die neue Buslinie")).toBe(true);
    expect(isTeaserSentence("Read more about the plan here.")).toBe(true);
    expect(isTeaserSentence("Kim Jong Un will wohl noch im September nach Russland reisen.")).toBe(false);
    expect(isTeaserSentence("Die Leser finden hier kaum Antworten.")).toBe(false);
  });

  it("reads the publisher after a copyright mark, first on the line or after a reservation of rights", () => {
    expect(publisherFromBoilerplate("© 2023 Beispielzeitung. Alle Rechte vorbehalten.")).toBe("Beispielzeitung");
    expect(publisherFromBoilerplate("Alle Rechte vorbehalten © n-tv.de")).toBe("n-tv.de");
    expect(publisherFromBoilerplate("All rights reserved. © 2024 Harbour Gazette")).toBe("Harbour Gazette");
    expect(publisherFromBoilerplate("© FOCUS Online 1996-2024")).toBe("FOCUS Online");
    // A mark in the middle of other words names no publisher.
    expect(publisherFromBoilerplate("Bilder © dpa und Reuters")).toBeNull();
  });
});
