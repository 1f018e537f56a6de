/**
 * Copies the German and English stop word lists of the `stopword` package
 * (a development dependency) into data/stopwords/lists.json, which the
 * analyser reads at start-up: importing the package loads the lists of every
 * language it has, about 50 ms of each start.
 *
 *   npm run build-stopwords
 *
 * Run it after updating the package; test/search/stopwords.test.ts fails
 * while the file and the package differ.
 */
import { writeFile } from "node:fs/promises";
import stopwordLists from "stopword";

const lists = { deu: stopwordLists.deu, eng: stopwordLists.eng };
await writeFile("data/stopwords/lists.json", `${JSON.stringify(lists, null, 1)}\n`);
console.log(`data/stopwords/lists.json: ${lists.deu.length} German and ${lists.eng.length} English words`);
