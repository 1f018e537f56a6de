import type { Logger } from "pino";
import { diskFileOperations, type FileWriteOperations } from "../content/atomic-write.js";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../content/library/index.js";
import type { EmbedderOptions, loadEmbedder } from "../search/embeddings.js";
import { DEFAULT_FUSION, type FusionOptions } from "../search/fusion.js";
import { DEFAULT_LEXICAL_OPTIONS, type LexicalOptions } from "../search/lexical-options.js";
import { loadLexicons, type Lexicons } from "../search/lexicons.js";
import { DEFAULT_THRESHOLDS, type AbstentionThresholds } from "./abstention.js";
import { DEFAULT_CONVERSATION_SETTINGS, type ConversationSettings } from "./conversation/follow-up.js";
import type { ServerLayerOptions } from "./shared-layer.js";

export type EmbedderLoader = typeof loadEmbedder;

export interface EmbeddingSettings {
  options: EmbedderOptions;
  /** JSONL cache of passage vectors, so a restart does not re-embed unchanged paragraphs. */
  cacheFile: string;
  /** Replaces the transformers.js loader (tests). */
  loader?: EmbedderLoader;
}

/** How much a passage holding the kind of thing asked for gains in the ranking (see ask.ts). */
export const ANSWER_TYPE_BOOST = 0.3;
/** How many paragraphs an answer cites at most, unless configured. */
export const DEFAULT_MAX_CITATIONS = 3;

/** What `QaService.create` is given; everything but the folder, the logger and the embeddings has a default. */
export interface QaServiceOptions {
  contentDir: string;
  /** Where the parsed index is persisted; omitted, nothing is written. */
  indexFile?: string;
  logger: Logger;
  embeddings: "off" | EmbeddingSettings;
  lexical?: Partial<LexicalOptions>;
  /** Overrides of the fusion weights; the rest keep their defaults. */
  fusion?: Partial<FusionOptions>;
  /** Overrides of the abstention thresholds; the rest keep their defaults. */
  thresholds?: Partial<AbstentionThresholds>;
  /** How many paragraphs an answer cites at most (default DEFAULT_MAX_CITATIONS). */
  maxCitations?: number;
  /** How much a passage holding the kind of thing asked for gains in the ranking (default ANSWER_TYPE_BOOST). */
  answerTypeBoost?: number;
  /** The lexicons for synonyms, translations and word frequencies (default: data/lexicons/). */
  lexicons?: Lexicons;
  /** Append-only JSONL log of content changes (who added, replaced, removed, reindexed); omitted, none is written. */
  auditLogFile?: string;
  /** Largest article upload accepted, in bytes (default 1 MB). */
  maxUploadBytes?: number;
  /** Replaces the disk operations used for atomic writes (tests simulate a failing disk). */
  fileOperations?: FileWriteOperations;
  /** How follow-up questions are read with their conversation (default DEFAULT_CONVERSATION_SETTINGS). */
  conversation?: Partial<ConversationSettings>;
  /**
   * Set when `contentDir` is one server's own articles: they are answered
   * beside the operator's (`server.shared`), the folder may be empty, nothing
   * is stored, and the dense channel uses the operator's model.
   */
  server?: ServerLayerOptions;
}

/** The service's options with every default applied, once, when it is created (nothing downstream applies one again). */
export interface ResolvedServiceOptions {
  contentDir: string;
  indexFile: string | null;
  logger: Logger;
  embeddings: "off" | EmbeddingSettings;
  lexical: LexicalOptions;
  fusion: FusionOptions;
  thresholds: AbstentionThresholds;
  maxCitations: number;
  answerTypeBoost: number;
  lexicons: Lexicons;
  auditLogFile: string | null;
  maxUploadBytes: number;
  fileOperations: FileWriteOperations;
  conversation: ConversationSettings;
  server: ServerLayerOptions | null;
}

export function resolveServiceOptions(options: QaServiceOptions): ResolvedServiceOptions {
  return {
    contentDir: options.contentDir,
    // A server's few articles parse in milliseconds; only the operator's index is stored.
    indexFile: options.server ? null : (options.indexFile ?? null),
    logger: options.logger,
    embeddings: options.embeddings,
    lexical: { ...DEFAULT_LEXICAL_OPTIONS, ...options.lexical },
    fusion: { ...DEFAULT_FUSION, ...options.fusion },
    thresholds: { ...DEFAULT_THRESHOLDS, ...options.thresholds },
    maxCitations: options.maxCitations ?? DEFAULT_MAX_CITATIONS,
    answerTypeBoost: options.answerTypeBoost ?? ANSWER_TYPE_BOOST,
    lexicons: options.lexicons ?? loadLexicons(),
    auditLogFile: options.auditLogFile ?? null,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    fileOperations: options.fileOperations ?? diskFileOperations,
    conversation: { ...DEFAULT_CONVERSATION_SETTINGS, ...options.conversation },
    server: options.server ?? null,
  };
}

/** The model the options ask for, or null when embeddings are off. */
export function configuredModel(options: Pick<ResolvedServiceOptions, "embeddings">): string | null {
  return options.embeddings === "off" ? null : options.embeddings.options.modelId;
}
