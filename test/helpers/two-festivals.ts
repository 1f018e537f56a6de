import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { tempDir } from "./content-fixtures.js";

/**
 * An article about two festivals that share their words ("dauert", "Besucher"):
 * the same follow-up ("Und wie lange dauert es?") has a different answer
 * depending on which festival the conversation is about.
 */
export const TWO_FESTIVALS = [
  "Titel: Zwei Feste im Norden",
  "Quelle: Beispielzeitung",
  "Datum: 2024-07-01",
  "",
  "Die Stadt Flensburg feiert im Juli ihr Hafenfest. Die Bürgermeisterin Jana Kowalski eröffnet es am Samstag mit einer Regatta.",
  "",
  "Das Hafenfest dauert drei Tage und lockt vor allem Besucher aus Dänemark an.",
  "",
  "In Kiel beginnt zur selben Zeit das Weinfest. Die Winzer kommen vor allem aus Rheinhessen und von der Mosel.",
  "",
  "Das Weinfest dauert eine ganze Woche, die Eintrittskarten kosten zwölf Euro.",
  "",
  "Anwohner in Flensburg beklagen Lärm und fehlende Parkplätze; der Bürgerverein hat eine Petition gestartet.",
  "",
].join("\n");

export async function twoFestivalsDir(): Promise<string> {
  const dir = path.join(await tempDir("two-festivals-"), "articles");
  await mkdir(dir);
  await writeFile(path.join(dir, "zwei-feste.txt"), TWO_FESTIVALS);
  return dir;
}
