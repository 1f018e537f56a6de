import { describe, expect, it } from "vitest";
import { withoutRequestWrapper } from "../../src/search/request-wrappers.js";

/** The question left, spacing and stray commas, colons and exclamation marks aside. */
const plain = (text: string): string =>
  withoutRequestWrapper(text)
    .replace(/[\s,:!]+/g, " ")
    .trim();

describe("withoutRequestWrapper", () => {
  it.each([
    ["weißt du, wann Kim nach Russland fährt?", "wann Kim nach Russland fährt?"],
    ["Weiß jemand, wo Wladiwostok liegt?", "wo Wladiwostok liegt?"],
    ["Können Sie mir sagen, welche Waffen Russland braucht?", "welche Waffen Russland braucht?"],
    ["kann mir jemand erklären warum Russland Munition braucht", "warum Russland Munition braucht"],
    ["sag mal, was bekommt Nordkorea?", "was bekommt Nordkorea?"],
    ["kurze Frage: wer ist Ballbach?", "wer ist Ballbach?"],
    ["hat jemand ne Ahnung wann das Treffen ist", "wann das Treffen ist"],
    ["mich würde interessieren, was Nordkorea bekommt", "was Nordkorea bekommt"],
    ["can you tell me what russia wants", "what russia wants"],
    ["does anyone know who kirby is", "who kirby is"],
    ["quick question: who is ballbach", "who is ballbach"],
    ["i was wondering why russia needs ammo", "why russia needs ammo"],
    ["wann kommt Kim nach Russland, danke im Voraus!", "wann kommt Kim nach Russland"],
    ["when does kim arrive? thanks in advance", "when does kim arrive?"],
    ["laut Artikel, welche Waffen will Russland?", "welche Waffen will Russland?"],
    ["wer erklärt im Artikel die Hintergründe?", "wer erklärt die Hintergründe?"],
    ["was sagt der Artikel zu den Sanktionen?", "was zu den Sanktionen?"],
    ["according to the article, what does russia want", "what does russia want"],
    ["in the article, who is ballbach", "who is ballbach"],
    ["gib mir infos über den Panzerzug", "über den Panzerzug"],
    ["erzähl mir was über die Sanktionen", "über die Sanktionen"],
    ["infos zu Kims Zug", "zu Kims Zug"],
    ["was gibts neues zu Kim und Putin", "zu Kim und Putin"],
    ["any news on the food situation", "on the food situation"],
    ["give me info on kim's train", "on kim's train"],
  ])("takes the wrapper off %j", (wrapped, question) => {
    expect(plain(wrapped)).toBe(question);
  });

  it.each([
    ["Was sagt Ballbach dazu?"],
    ["Wer weiß von den Briefen?"],
    ["What did Kirby say?"],
    ["Welche Frage stellt der Experte?"],
    ["Was hat Kim im Voraus gefordert?"],
    ["Woher hat Kirby seine Infos?"],
  ])("leaves a question without a wrapper as it is: %j", (question) => {
    expect(plain(question)).toBe(question);
  });
});
