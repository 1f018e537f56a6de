/**
 * Questions of recently sent answers, by answer message id, so feedback can
 * record the exact question. Bounded (least recently used entries go first);
 * after a restart the question is read back from the answer embed instead.
 */
export interface RecentAnswer {
  question: string;
}

export class RecentAnswers {
  private readonly entries = new Map<string, RecentAnswer>();

  constructor(private readonly capacity = 500) {}

  remember(messageId: string, answer: RecentAnswer): void {
    this.entries.delete(messageId);
    this.entries.set(messageId, answer);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  get(messageId: string): RecentAnswer | undefined {
    const entry = this.entries.get(messageId);
    if (entry) {
      // Refresh recency.
      this.entries.delete(messageId);
      this.entries.set(messageId, entry);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}
