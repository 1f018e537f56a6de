/**
 * Largest and smallest of a list without spreading it into arguments:
 * `Math.max(...values)` overflows the stack for lists of some 100,000 items
 * (a file of many short lines, a large index). Empty lists give -Infinity and
 * Infinity, as Math.max() and Math.min() do.
 */
export function maxOf(values: Iterable<number>): number {
  let result = Number.NEGATIVE_INFINITY;
  for (const value of values) if (value > result) result = value;
  return result;
}

export function minOf(values: Iterable<number>): number {
  let result = Number.POSITIVE_INFINITY;
  for (const value of values) if (value < result) result = value;
  return result;
}
