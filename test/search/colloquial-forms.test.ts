import { describe, expect, it } from "vitest";
import { inStandardForms } from "../../src/search/colloquial-forms.js";

describe("inStandardForms", () => {
  it("reads the forms of the colloquial 'kriegen' as those of 'bekommen', keeping a capital", () => {
    expect(inStandardForms("was kriegt nordkorea dafür")).toBe("was bekommt nordkorea dafür");
    expect(inStandardForms("Kriegt Kim was? Gekriegt hat er nix")).toBe("Bekommt Kim was? Bekommen hat er nix");
  });

  it("leaves 'kriegen', which is also the plural of 'Krieg', and the nouns alone", () => {
    expect(inStandardForms("in welchen Kriegen kämpfte Russland")).toBe("in welchen Kriegen kämpfte Russland");
    expect(inStandardForms("der Krieg und die Kriegsgefahr")).toBe("der Krieg und die Kriegsgefahr");
  });
});
