import { LruMap } from "../lru-map.js";

/**
 * Questions of recently sent answers, by answer message id, so feedback can
 * record the exact question. Bounded (least recently used entries go first);
 * after a restart the question is read back from the answer embed instead.
 */
export interface RecentAnswer {
  question: string;
}

export class RecentAnswers {
  private readonly entries: LruMap<string, RecentAnswer>;

  constructor(capacity = 500) {
    this.entries = new LruMap(capacity);
  }

  remember(messageId: string, answer: RecentAnswer): void {
    this.entries.set(messageId, answer);
  }

  get(messageId: string): RecentAnswer | undefined {
    return this.entries.get(messageId);
  }

  get size(): number {
    return this.entries.size;
  }
}
