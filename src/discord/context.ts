/** What every command and handler receives, and the shape of a command module. */
import type { BotMetrics } from "../metrics.js";
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Logger } from "pino";
import type { ContentAdminApi } from "../answer/types.js";
import type { ConversationStore } from "../answer/conversation/store.js";
import type { QaApi } from "../answer/types.js";
import type { ContentScopes } from "../answer/servers/scopes.js";
import type { ArticleOrigin } from "../answer/shared-layer.js";
import type { Config } from "../config.js";
import type { FeedbackStore } from "./feedback.js";
import type { QuestionRateLimiter } from "./rate-limit.js";
import type { RecentAnswers } from "./recent-answers.js";

/**
 * A slash command module, as in the discord.js guide: `data` (a SlashCommandBuilder),
 * `execute`, and `autocomplete` when an option autocompletes. Each command is
 * a file exporting these, listed in `commands/index.ts`.
 */
export interface BotCommand {
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

export type DiscordConfig = Pick<
  Config,
  | "ASK_CHANNEL_IDS"
  | "MODERATOR_ROLE_IDS"
  | "OPERATOR_USER_IDS"
  | "USER_COOLDOWN_SECONDS"
  | "GLOBAL_QUESTIONS_PER_MINUTE"
  | "MAX_QUESTION_LENGTH"
  | "MAX_UPLOAD_BYTES"
  | "CONVERSATION_IDLE_MINUTES"
  | "MENTION_THREADS"
  | "MESSAGE_CONTENT_INTENT"
>;

export interface BotContext {
  /** What the interaction's server is answered from: the operator's articles plus the server's own (see ContentScopes). */
  qa: QaApi;
  /** Changes the articles of `layer` (moderator commands); null when none can be changed. */
  admin: ContentAdminApi | null;
  /** Whose articles `admin` changes in this server. */
  layer: ArticleOrigin;
  /** Every server's content; `qa`, `admin` and `layer` are this interaction's server's (see scoped-context.ts). */
  scopes: ContentScopes;
  config: DiscordConfig;
  logger: Logger;
  limiter: QuestionRateLimiter;
  feedback: FeedbackStore;
  recentAnswers: RecentAnswers;
  /** Conversations by thread and answer message (in memory only). */
  conversations: ConversationStore;
  /** The registered commands by (default, English) name. */
  commands: ReadonlyMap<string, BotCommand>;
  /** Milliseconds since the epoch (injectable for tests). */
  now: () => number;
  /** Prometheus metrics, when METRICS_PORT is set. */
  metrics?: BotMetrics;
  /** Called after this process changed the articles (sharded: tells the other shards to reload). */
  contentChanged?: () => void;
}
