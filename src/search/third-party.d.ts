// Minimal typings for the two text-analysis packages that ship none.

declare module "snowball-stemmers" {
  export interface SnowballStemmer {
    stem(word: string): string;
  }
  export function newStemmer(algorithm: string): SnowballStemmer;
  export function algorithms(): string[];
}

declare module "stopword" {
  export const deu: string[];
  export const eng: string[];
  // Other languages' lists, read by scripts/build-stopwords.ts (see src/search/other-language-words.ts).
  export const fra: string[];
  export const spa: string[];
  export const ita: string[];
  export const nld: string[];
  export const por: string[];
  export const pol: string[];
  export const tur: string[];
  export const swe: string[];
  export const dan: string[];
}
