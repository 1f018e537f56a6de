/**
 * Copies the German and English stop word lists of the `stopword` package
 * (a development dependency) into data/stopwords/lists.json, which the
 * analyser reads at start-up: importing the package loads the lists of every
 * language it has, about 50 ms of each start. The function words of some other
 * languages go into data/stopwords/other-languages.json (folded, without any
 * that is also a German or English one): they tell that a question is in
 * neither language. The ones that are German or English stop words as well
 * are listed apart ("shared"): they count for neither side.
 *
 *   npm run build-stopwords
 *
 * Run it after updating the package; test/search/stopwords.test.ts fails
 * while the file and the package differ.
 */
import { readFile, writeFile } from "node:fs/promises";
import stopwordLists from "stopword";
import { otherLanguageWords, OTHER_LANGUAGES, sharedFunctionWords } from "../src/search/other-language-words.js";

const lists = { deu: stopwordLists.deu, eng: stopwordLists.eng };
await writeFile("data/stopwords/lists.json", `${JSON.stringify(lists, null, 1)}\n`);
console.log(`data/stopwords/lists.json: ${lists.deu.length} German and ${lists.eng.length} English words`);

const otherLists = OTHER_LANGUAGES.map((language) => stopwordLists[language]);
const other = { languages: [...OTHER_LANGUAGES], words: otherLanguageWords(otherLists), shared: sharedFunctionWords(otherLists) };
await writeFile("data/stopwords/other-languages.json", `${JSON.stringify(other, null, 1)}\n`);
console.log(
  `data/stopwords/other-languages.json: ${other.words.length} words of ${other.languages.join(", ")}, ${other.shared.length} shared with German or English`,
);

// Each list comes with its own notice (MIT, Apache 2.0, …): the package's file of them, for these lists and the package.
const RULE = "#".repeat(79);
const notices = (await readFile("node_modules/stopword/dist/3rd-party.txt", "utf8")).split(`${RULE}\n`);
const kept: string[] = [];
for (let index = 1; index + 1 < notices.length; index += 2) {
  const title = notices[index]?.trim() ?? "";
  if (title === "stopword module/library" || OTHER_LANGUAGES.some((language) => title.endsWith(`src/stopwords_${language}.js`))) {
    kept.push(`${RULE}\n${title}\n${RULE}\n\n${(notices[index + 1] ?? "").trim()}\n`);
  }
}
if (kept.length !== OTHER_LANGUAGES.length + 1) throw new Error(`found ${kept.length - 1} of the ${OTHER_LANGUAGES.length} lists' notices in the package`);
await writeFile("data/stopwords/other-languages-notices.txt", `Notices of the stopword package and of the lists in other-languages.json\n\n${kept.join("\n")}`);
console.log("data/stopwords/other-languages-notices.txt: written");
