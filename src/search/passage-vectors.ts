/**
 * The passages' embedding vectors, kept in a few large blocks (one per
 * article, typically) instead of one typed array per passage: no object per
 * passage, memory that is the vectors themselves, and a state built after a
 * change can share the blocks of the articles that did not change. Passage
 * positions run through the blocks in order.
 */
export class PassageVectors {
  readonly count: number;

  /** `blocks`: each holds whole vectors of `dimension` values, back to back. */
  constructor(
    readonly dimension: number,
    private readonly blocks: readonly Float32Array[],
  ) {
    if (!Number.isInteger(dimension) || dimension <= 0) throw new Error(`a vector dimension is a positive integer, not ${dimension}`);
    let count = 0;
    for (const block of blocks) {
      if (block.length % dimension !== 0) throw new Error(`a block of ${block.length} values does not hold whole vectors of ${dimension}`);
      count += block.length / dimension;
    }
    this.count = count;
  }

  /** One block of the given vectors (each of `dimension` values), e.g. an article's paragraphs. */
  static block(vectors: readonly Float32Array[], dimension: number): Float32Array {
    const block = new Float32Array(vectors.length * dimension);
    for (const [index, vector] of vectors.entries()) {
      if (vector.length !== dimension) throw new Error(`vector ${index} has ${vector.length} values, expected ${dimension}`);
      block.set(vector, index * dimension);
    }
    return block;
  }

  /** One vector per passage, in one block. */
  static fromRows(rows: readonly Float32Array[], dimension = rows[0]?.length ?? 1): PassageVectors {
    return new PassageVectors(dimension, [PassageVectors.block(rows, dimension)]);
  }

  /** The dot product of `query` with every vector, by position (the cosines, for normalised vectors), in doubles. */
  scores(query: Float32Array): Float64Array {
    const scores = new Float64Array(this.count);
    const length = Math.min(this.dimension, query.length);
    let position = 0;
    for (const block of this.blocks) {
      for (let start = 0; start < block.length; start += this.dimension) {
        let sum = 0;
        for (let index = 0; index < length; index += 1) sum += (query[index] ?? 0) * (block[start + index] ?? 0);
        scores[position] = sum;
        position += 1;
      }
    }
    return scores;
  }
}

/** Positions of the `limit` highest scores, best first (ties: the earlier position first), without sorting them all. */
export function topPositions(scores: Float64Array, limit: number): number[] {
  const kept: number[] = [];
  if (limit <= 0) return kept;
  // `kept` stays sorted best first; a score enters only when it beats the worst kept one.
  const better = (left: number, right: number): boolean =>
    (scores[left] ?? 0) > (scores[right] ?? 0) || ((scores[left] ?? 0) === (scores[right] ?? 0) && left < right);
  for (let position = 0; position < scores.length; position += 1) {
    const last = kept[kept.length - 1];
    if (kept.length === limit && last !== undefined && !better(position, last)) continue;
    let insertAt = kept.length;
    while (insertAt > 0 && better(position, kept[insertAt - 1] ?? 0)) insertAt -= 1;
    kept.splice(insertAt, 0, position);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}
