import { LruMap } from "../../lru-map.js";
import type { ConversationTurn } from "../types.js";

/** One conversation: its turns (the most recent few) and when it was last continued. */
export interface Conversation {
  readonly id: number;
  turns: ConversationTurn[];
  lastActiveAt: number;
}

export interface ConversationStoreOptions {
  /** Keys (threads, answer messages) remembered at most; the least recently used are forgotten first. */
  maxKeys: number;
  /** A conversation not continued for this long is over. */
  idleMs: number;
  /** Turns kept per conversation (older ones no longer matter to a follow-up). */
  maxTurns: number;
  now: () => number;
}

export const DEFAULT_MAX_TURNS = 6;

/** What a key leads to: a live conversation, one that ended by being idle too long, or nothing known. */
export type ConversationLookup = { state: "active"; conversation: Conversation } | { state: "expired" } | { state: "unknown" };

/**
 * Conversations in memory only, reachable by several keys each (a thread, and
 * every answer message in it, so a reply to any of them continues it).
 * Bounded in keys and by idle time; nothing is written to disk, so a restart
 * forgets them.
 */
export class ConversationStore {
  private readonly byKey: LruMap<string, Conversation>;
  private nextId = 1;

  constructor(private readonly options: ConversationStoreOptions) {
    this.byKey = new LruMap(options.maxKeys);
  }

  lookup(key: string): ConversationLookup {
    const conversation = this.byKey.get(key);
    if (!conversation) return { state: "unknown" };
    if (this.options.now() - conversation.lastActiveAt > this.options.idleMs) return { state: "expired" };
    return { state: "active", conversation };
  }

  /** The first live conversation among `keys` (most specific first), or what the first known key says. */
  find(keys: readonly string[]): ConversationLookup {
    let fallback: ConversationLookup = { state: "unknown" };
    for (const key of keys) {
      const found = this.lookup(key);
      if (found.state === "active") return found;
      if (found.state === "expired" && fallback.state === "unknown") fallback = found;
    }
    return fallback;
  }

  /** Adds a turn to `conversation` (a new one when null) and makes it reachable by `keys`. */
  record(conversation: Conversation | null, turn: ConversationTurn, keys: readonly string[]): Conversation {
    const target = conversation ?? { id: this.nextId++, turns: [], lastActiveAt: 0 };
    target.turns = [...target.turns, turn].slice(-this.options.maxTurns);
    target.lastActiveAt = this.options.now();
    for (const key of keys) this.byKey.set(key, target);
    return target;
  }

  /** Ends whatever conversation `key` leads to (for the key only; other keys of it stay). */
  forget(key: string): void {
    this.byKey.delete(key);
  }

  get keyCount(): number {
    return this.byKey.size;
  }
}
