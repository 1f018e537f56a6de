/**
 * `/remove-article article:<autocomplete>` (moderators): asks for confirmation
 * with two buttons (only the asking moderator may answer, and only for a few
 * minutes), then removes the article, rebuilds the index and shows the report.
 */
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from "discord.js";
import type { ReindexProgress } from "../../answer/types.js";
import { articleFromOption } from "../article-option.js";
import { commandDisplay } from "../ask-flow.js";
import { presentAlreadyRunning, presentProgress, presentRemovalPrompt, shownId } from "../content-presentation.js";
import { discordActor, moderatorAdmin, runContentTask } from "../content-tasks.js";
import type { BotContext } from "../context.js";
import { isOperator } from "../permissions.js";
import { articleKeyFor, removalButtonId, resolveArticleKey, type RemovalDecision } from "../custom-ids.js";
import { articleProblemText, commandTexts, langFromLocale, localize, messages, type Lang } from "../i18n/index.js";
import { articleChoices, fitEscapedInline, presentNotice } from "../presentation/index.js";
import type { ArticleInfo, ServiceStatus } from "../../answer/types.js";
import type { ArticleOrigin } from "../../answer/shared-layer.js";

const texts = commandTexts.removeArticle;
export const COMMAND_NAME = texts.en.name;
const ARTICLE = texts.options.article.en.name;
const SHARED = texts.options.shared.en.name;
/** How long the confirmation buttons work. */
export const CONFIRMATION_MINUTES = 5;
const LISTED_ARTICLES = 15;

export const data = localize(new SlashCommandBuilder(), texts)
  // Hidden from everyone without Manage Server unless a server admin changes it; checked again on use.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) => localize(option, texts.options.article).setRequired(true).setAutocomplete(true))
  .addBooleanOption((option) => localize(option, texts.options.shared).setRequired(false));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const text = messages(lang).content;
  const shared = interaction.options.getBoolean(SHARED) ?? false;
  const scope = await moderatorAdmin(interaction, context, lang, { shared });
  if (!scope) return;
  const articles = removableArticles(scope.qa.status(), lang, scope.layer);
  const typed = interaction.options.getString(ARTICLE, true);
  const article = articleFromOption(articles, typed.trim());
  if (!article) {
    const listed = articles.slice(0, LISTED_ARTICLES).map((entry) => `„${fitEscapedInline(entry.title, 90)}“ (${shownId(entry.id)})`);
    const list = listed.join("; ") + (articles.length > listed.length ? "; …" : "");
    await interaction.reply({ ...presentNotice(text.articleUnknown(fitEscapedInline(typed, 100), list)), flags: MessageFlags.Ephemeral });
    return;
  }
  const expiresAt = Math.floor(context.now() / 1000) + CONFIRMATION_MINUTES * 60;
  const decision = (choice: RemovalDecision["decision"]) =>
    removalButtonId({ decision: choice, articleKey: articleKeyFor(article.id), requesterId: interaction.user.id, expiresAt, shared });
  const prompt = presentRemovalPrompt(article, { confirm: decision("confirm"), cancel: decision("cancel") }, CONFIRMATION_MINUTES, lang);
  await interaction.reply({ ...prompt, flags: MessageFlags.Ephemeral });
}

/**
 * The indexed articles, and the files of the content folder that did not
 * load: those are not answered from, but a moderator must be able to remove
 * them from Discord (one broken file otherwise blocks every reindex).
 */
export function removableArticles(status: Pick<ServiceStatus, "articles" | "unreadable">, lang: Lang, origin: ArticleOrigin): ArticleInfo[] {
  const broken = status.unreadable
    .filter((file) => !status.articles.some((article) => article.id === file.articleId))
    .map((file) => ({
      id: file.articleId,
      origin,
      title: `⚠ ${file.file}: ${articleProblemText(file.problem, lang)}`,
      kicker: null,
      publisher: null,
      url: null,
      date: null,
      paragraphCount: 0,
      sourceCount: 0,
    }));
  // A server's moderators remove only the server's own articles; the operator's are listed by /articles.
  return [...status.articles.filter((article) => article.origin === origin), ...broken];
}

/** Pure in-memory filtering, so it answers well within Discord's 3 seconds. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  // Offered from the articles the user would change: the shared ones only with shared:True, and only to operators.
  const shared = interaction.options.getBoolean(SHARED) === true && isOperator(interaction.user.id, context.config.OPERATOR_USER_IDS);
  const scope = shared ? context.scopes.operator() : context;
  await interaction.respond(articleChoices(removableArticles(scope.qa.status(), lang, scope.layer), String(interaction.options.getFocused())));
}

/** The confirm/cancel buttons of the prompt above. */
export async function handleRemovalButton(interaction: ButtonInteraction, action: RemovalDecision, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const text = messages(lang).content;
  const closePrompt = (notice: string) => interaction.update({ ...presentNotice(notice), components: [] });
  if (interaction.user.id !== action.requesterId) {
    await interaction.reply({ ...presentNotice(text.removeNotYours), flags: MessageFlags.Ephemeral });
    return;
  }
  if (context.now() / 1000 > action.expiresAt) {
    await closePrompt(text.removeExpired(commandDisplay(context, COMMAND_NAME, lang)));
    return;
  }
  if (action.decision === "cancel") {
    await closePrompt(text.removeCancelled);
    return;
  }
  // Roles can change between the question and the click.
  const scope = await moderatorAdmin(interaction, context, lang, { shared: action.shared });
  if (!scope) return;
  const admin = scope.admin;
  const articleId = resolveArticleKey(
    action.articleKey,
    removableArticles(scope.qa.status(), lang, scope.layer).map((article) => article.id),
  );
  if (articleId === null) {
    await closePrompt(text.removeGone);
    return;
  }
  const running = admin.reindexProgress();
  if (running) {
    await interaction.update({ ...presentAlreadyRunning(running, lang), components: [] });
    return;
  }
  const starting: ReindexProgress = { task: "remove-article", phase: "checking", articlesDone: 0, articlesTotal: 0, paragraphsDone: 0, paragraphsTotal: 0 };
  await interaction.update(presentProgress(starting, lang));
  const actor = discordActor(interaction);
  await runContentTask(interaction, context, lang, scope, async (onProgress) => {
    const result = await admin.removeArticle({ articleId, actor }, { onProgress });
    return { report: result.reindex, change: result.change };
  });
}
