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
}
