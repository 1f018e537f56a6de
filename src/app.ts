import type { Logger } from "pino";
import type { Config } from "./config.js";
import { QaService, type EmbeddingSettings, type QaServiceOptions } from "./answer/service.js";
import { ServerContent } from "./answer/servers/server-content.js";
import { loadLexicons } from "./search/lexicons.js";
import type { EmbedderOptions } from "./search/embeddings.js";

/** Embedding settings from configuration, or "off". */
export function embeddingSettingsFrom(config: Config): "off" | EmbeddingSettings {
  if (!config.EMBEDDINGS_ENABLED) return "off";
  const options: EmbedderOptions = {
    modelId: config.EMBEDDING_MODEL,
    cacheDir: config.paths.modelCacheDir,
    allowRemote: config.EMBEDDING_ALLOW_REMOTE,
    quantized: config.EMBEDDING_QUANTIZED,
    loadTimeoutMs: config.EMBEDDING_LOAD_TIMEOUT_MS,
    ...(config.EMBEDDING_LOCAL_MODEL_DIR ? { localModelDir: config.EMBEDDING_LOCAL_MODEL_DIR } : {}),
  };
  return { options, cacheFile: config.paths.embeddingCacheFile };
}

export function createService(config: Config, logger: Logger): Promise<QaService> {
  return QaService.create({
    contentDir: config.paths.contentDir,
    // Persisted so a restart with unchanged articles skips parsing; rebuilt when the files or the model differ.
    indexFile: config.paths.indexFile,
    auditLogFile: config.paths.auditLogFile,
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
    logger,
    embeddings: embeddingSettingsFrom(config),
  });
}

/**
 * The operator's service and the servers' own articles beside it (see
 * ServerContent): what the bot and the CLI with --server answer from.
 */
export async function createContent(config: Config, logger: Logger): Promise<{ operator: QaService; servers: ServerContent }> {
  const operator = await createService(config, logger);
  const lexicons = loadLexicons();
  const embeddings = embeddingSettingsFrom(config);
  const servers = new ServerContent({
    operator,
    serversDir: config.paths.serversDir,
    enabled: config.SERVER_ARTICLES,
    maxLoaded: config.MAX_LOADED_SERVERS,
    logger,
    createServer: (serverId, contentDir, shared) =>
      QaService.create({
        contentDir,
        logger: logger.child({ server: serverId }),
        embeddings,
        lexicons,
        auditLogFile: config.paths.auditLogFile,
        maxUploadBytes: config.MAX_UPLOAD_BYTES,
        server: { serverId, maxArticles: config.MAX_SERVER_ARTICLES, maxBytes: config.MAX_SERVER_BYTES, shared },
      }),
  });
  return { operator, servers };
}

/** A service from explicit options: the benchmarks build one per configuration (no stored index, their own overrides). */
export function createServiceFrom(options: QaServiceOptions): Promise<QaService> {
  return QaService.create(options);
}
