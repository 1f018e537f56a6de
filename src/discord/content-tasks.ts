/**
 * What the moderator commands share: the moderator check at run time, and
 * running a reindex/upload/removal while its progress is shown by editing the
 * (private) reply, ending with the report or the reason it failed.
 */
import type { ProblemOccasion } from "../content/problem-text.js";
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from "discord.js";
import type { ContentAdminApi, QaApi, ReindexProgress, ReindexReport } from "../answer/types.js";
import type { ArticleOrigin } from "../answer/shared-layer.js";
import { ReindexBusyError, ReindexFailedError } from "../answer/errors.js";
import { ContentError, type ArticleChange, type ContentActor } from "../content/library/index.js";
import { presentAlreadyRunning, presentContentProblem, presentProgress, presentReport, describeUploadProblem } from "./content-presentation.js";
import { withReading } from "./article-reading.js";
import type { BotContext } from "./context.js";
import { contentProblemText, messages, reindexProblemsText, type Lang } from "./i18n/index.js";
import { errorForLog } from "./log-safety.js";
import { interactionIsFromModerator, isOperator } from "./permissions.js";
import { presentNotice } from "./presentation/index.js";
import { LatestValueThrottle } from "./throttle.js";
import { UploadRefusedError } from "./upload.js";

/** Progress edits at most this often: Discord rate-limits edits, and a second is plenty to follow along. */
export const PROGRESS_INTERVAL_MS = 1_000;

/** The articles a content command changes, and the service it reads their list from. */
export interface AdminScope {
  admin: ContentAdminApi;
  qa: QaApi;
  layer: ArticleOrigin;
}

/**
 * The articles the user may change with this command; otherwise replies
 * privately why not and returns null. A server's moderators change the
 * server's own articles; the articles every server shares (`shared`, or
 * all of them with SERVER_ARTICLES=off) only users in OPERATOR_USER_IDS.
 * Discord's default permission (Manage Server) only hides the command: server
 * admins can change that, and buttons have no such gate, so this runs on every use.
 */
export async function moderatorAdmin(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  context: BotContext,
  lang: Lang,
  options: { shared?: boolean } = {},
): Promise<AdminScope | null> {
  const decision = decideAdmin(interaction, context, options.shared ?? false);
  if ("admin" in decision) return decision;
  const text = messages(lang).content;
  const refusal = text[decision.refusal];
  context.logger.info(
    { event: "moderator_command_refused", guild: interaction.guildId, reason: decision.refusal, shared: options.shared ?? false },
    "moderator command refused",
  );
  await interaction.reply({ ...presentNotice(refusal), flags: MessageFlags.Ephemeral });
  return null;
}

type AdminRefusal = "guildOnly" | "notModerator" | "notOperator" | "serverArticlesOff" | "unavailable";

function decideAdmin(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  context: BotContext,
  wantsShared: boolean,
): AdminScope | { refusal: AdminRefusal } {
  if (!interaction.inGuild()) return { refusal: "guildOnly" };
  const policy = context.scopes.policy;
  const moderator = interactionIsFromModerator(interaction, context.config.MODERATOR_ROLE_IDS);
  const own: AdminScope | null = context.admin ? { admin: context.admin, qa: context.qa, layer: context.layer } : null;
  // One article set for every server: its moderators change it, as before there were server layers.
  if (policy === "single") return !moderator ? { refusal: "notModerator" } : (own ?? { refusal: "unavailable" });
  if (wantsShared || policy === "operator-only") {
    if (!isOperator(interaction.user.id, context.config.OPERATOR_USER_IDS)) return { refusal: wantsShared ? "notOperator" : "serverArticlesOff" };
    const shared = context.scopes.operator();
    return shared.admin ? { admin: shared.admin, qa: shared.qa, layer: shared.layer } : { refusal: "unavailable" };
  }
  if (!moderator) return { refusal: "notModerator" };
  return own ?? { refusal: "unavailable" };
}

/** The audit log's record of who did it: the Discord user id, never a name. */
export function discordActor(interaction: { user: { id: string } }): ContentActor {
  return { via: "discord", id: interaction.user.id };
}

export interface ContentTaskResult {
  report: ReindexReport;
  change: ArticleChange | null;
}

/**
 * Runs `task` (which must report progress through its callback) behind an
 * interaction that is already acknowledged (deferred or updated), editing its
 * reply with progress and then the outcome. Expected failures become messages;
 * anything else propagates to the generic error handler.
 */
export async function runContentTask(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  context: BotContext,
  lang: Lang,
  scope: AdminScope,
  task: (onProgress: (progress: ReindexProgress) => void) => Promise<ContentTaskResult>,
): Promise<void> {
  const throttle = new LatestValueThrottle<ReindexProgress>(
    (progress) => interaction.editReply(presentProgress(progress, lang)),
    PROGRESS_INTERVAL_MS,
    (error) => context.logger.warn({ event: "progress_edit_failed", guild: interaction.guildId, err: errorForLog(error) }, "could not show progress"),
  );
  const finish = async (payload: Parameters<typeof interaction.editReply>[0]): Promise<void> => {
    // Any progress edit still on its way must land before the final message, not after it.
    await throttle.close();
    await interaction.editReply(payload);
  };
  let result: ContentTaskResult;
  try {
    result = await task((progress) => throttle.offer(progress));
  } catch (error) {
    const outcome = describeFailure(error, lang);
    if (!outcome) {
      await throttle.close();
      throw error;
    }
    context.logger.warn(
      { event: "content_task_failed", guild: interaction.guildId, kind: outcome.kind, reason: outcome.logReason },
      "content task did not complete",
    );
    context.metrics?.contentTask(
      "content",
      outcome.kind === "change_refused" || outcome.kind.startsWith("upload_") || outcome.kind === "busy" ? "refused" : "failed",
      null,
    );
    await finish(outcome.payload);
    return;
  }
  context.logger.info(
    {
      event: "content_task_done",
      guild: interaction.guildId,
      change: result.change ? { action: result.change.action, article: result.change.articleId } : null,
      articles: result.report.articles,
      paragraphs: result.report.paragraphs,
      durationMs: result.report.durationMs,
      mode: result.report.mode,
    },
    "content task done",
  );
  context.metrics?.contentTask(result.change?.action ?? "reindex", "done", result.report.durationMs / 1000);
  // Other shards serve other servers: only a change of the shared articles concerns them.
  if (scope.layer === "operator") context.contentChanged?.();
  await finish(withReading(presentReport(result.report, result.change, lang), result.change, lang));
}

export interface FailureOutcome {
  kind: string;
  payload: ReturnType<typeof presentNotice>;
  logReason: string;
}

/** An expected failure of a content command as the moderator's message, or null for anything else. */
export function describeFailure(error: unknown, lang: Lang, occasion: ProblemOccasion = "change"): FailureOutcome | null {
  if (error instanceof ReindexBusyError) return { kind: "busy", payload: presentAlreadyRunning(error.progress, lang), logReason: error.message };
  if (error instanceof ReindexFailedError)
    return {
      kind: "reindex_failed",
      payload: presentContentProblem("reindex_failed", reindexProblemsText(error.problems, lang), lang),
      logReason: error.message,
    };
  if (error instanceof ContentError) {
    const kind = error.outcome === "refused" ? "change_refused" : "change_failed";
    return {
      kind,
      payload: presentContentProblem(kind, contentProblemText(error.problem, lang, occasion), lang),
      logReason: `${error.code}: ${error.message}`,
    };
  }
  if (error instanceof UploadRefusedError) {
    return { kind: `upload_${error.problem.kind}`, payload: presentNotice(describeUploadProblem(error.problem, lang)), logReason: error.problem.kind };
  }
  return null;
}
