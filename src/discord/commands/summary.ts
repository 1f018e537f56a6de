/** `/summary [length] [article:<autocomplete>] [section:<autocomplete>]`: an extractive summary, every sentence verbatim and cited. */
import {
  MessageFlags,
  SlashCommandBuilder,
  type APIApplicationCommandOptionChoice,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from "discord.js";
import {
  parseSummaryRequest,
  sectionsMatching,
  SUMMARY_LENGTHS,
  UnknownArticleError,
  UnknownSectionError,
  findArticle,
  type Summary,
} from "../../answer/summary/index.js";
import type { Article } from "../../content/types.js";
import { articleFromOption } from "../article-option.js";
import type { BotContext } from "../context.js";
import { commandTexts, langFromLocale, localize, messages, type Lang } from "../i18n/index.js";
import { articleChoiceEntry, articleChoices, fitEscapedInline, LIMITS, presentNotice, presentSummary } from "../presentation/index.js";

const texts = commandTexts.summary;
const LENGTH = texts.options.length.en.name;
const ARTICLE = texts.options.article.en.name;
const SECTION = texts.options.section.en.name;
/** The service accepts section selectors up to this length (see `summaryRequestSchema`). */
const SECTION_MAX_LENGTH = 300;
/**
 * Discord wants a first response within 3 seconds. A lexical or cached summary
 * is ready long before this, so it is sent directly (and a refusal can still be
 * private); a summary still being scored by the embedding model gets a deferred reply.
 */
const DIRECT_REPLY_WINDOW_MS = 1_500;
/** Entries listed when an article or section is not found; enough to pick from, short enough for one message. */
const LISTED_ENTRIES = 15;

export const data = localize(new SlashCommandBuilder(), texts)
  .addStringOption((option) =>
    localize(option, texts.options.length)
      .setRequired(false)
      .addChoices(
        ...SUMMARY_LENGTHS.map((length) => {
          const german = messages("de").summary.lengthName(length);
          return { name: length, name_localizations: { de: german, "en-US": length, "en-GB": length }, value: length };
        }),
      ),
  )
  .addStringOption((option) => localize(option, texts.options.article).setRequired(false).setAutocomplete(true))
  .addStringOption((option) => localize(option, texts.options.section).setRequired(false).setMaxLength(SECTION_MAX_LENGTH).setAutocomplete(true));

type Outcome = { ok: true; summary: Summary } | { ok: false; notice: string };

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const articleValue = interaction.options.getString(ARTICLE)?.trim() ?? "";
  const sectionValue = interaction.options.getString(SECTION)?.trim() ?? "";
  // A suggestion's key or a typed title becomes the article id; anything else goes on as typed and is reported unknown.
  const articleId = articleValue === "" ? undefined : (articleFromOption(context.qa.articles(), articleValue)?.id ?? articleValue);
  const request = parseSummaryRequest({
    length: interaction.options.getString(LENGTH) ?? undefined,
    article: articleId,
    section: sectionValue === "" ? undefined : sectionValue.slice(0, SECTION_MAX_LENGTH),
  });

  const outcome = summarize(context, request, lang);
  const early = await settledWithin(outcome, DIRECT_REPLY_WINDOW_MS);
  if (early) {
    await interaction.reply(
      early.value.ok ? presentSummary(early.value.summary, lang) : { ...presentNotice(early.value.notice), flags: MessageFlags.Ephemeral },
    );
    return;
  }
  await interaction.deferReply();
  const late = await outcome;
  if (late.ok) {
    await interaction.editReply(presentSummary(late.summary, lang));
    return;
  }
  // The refusal concerns only the one who asked: drop the public placeholder and tell them privately.
  await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp({ ...presentNotice(late.notice), flags: MessageFlags.Ephemeral });
}

/** The summary, or a notice listing what exists when the article or section is unknown; other errors propagate. */
async function summarize(context: BotContext, request: Parameters<BotContext["qa"]["summary"]>[0], lang: Lang): Promise<Outcome> {
  const text = messages(lang).summary;
  try {
    return { ok: true, summary: await context.qa.summary(request) };
  } catch (error) {
    if (error instanceof UnknownArticleError) {
      const typed = error.articleId === null ? null : fitEscapedInline(error.articleId, 100);
      return { ok: false, notice: text.unknownArticle(typed, articleList(context)) };
    }
    if (error instanceof UnknownSectionError) {
      const article = safeFindArticle(context.qa.articles(), request.articleId);
      const list = article ? sectionList(article, lang) : limitedList(error.available.map((label) => fitEscapedInline(label, 90)));
      const title = article ? fitEscapedInline(article.title, 150) : "";
      return { ok: false, notice: text.unknownSection(fitEscapedInline(error.selector, 100), title, list) };
    }
    throw error;
  }
}

function safeFindArticle(articles: readonly Article[], articleId: string | undefined): Article | null {
  try {
    return findArticle(articles, articleId);
  } catch {
    return null;
  }
}

function articleList(context: BotContext): string {
  return limitedList(context.qa.status().articles.map((article) => articleChoiceEntry(article.title, article.id)));
}

function sectionList(article: Article, lang: Lang): string {
  const opening = messages(lang).summary.openingSection;
  return limitedList(article.sections.map((section, index) => `${index + 1}: ${section.heading ? fitEscapedInline(section.heading, 90) : opening}`));
}

function limitedList(entries: readonly string[]): string {
  const shown = entries.slice(0, LISTED_ENTRIES);
  return shown.join("; ") + (entries.length > shown.length ? "; …" : "");
}

/** Resolves with the value if `work` settles within `ms`, with null otherwise; a rejection within `ms` is rethrown. */
async function settledWithin<Value>(work: Promise<Value>, ms: number): Promise<{ value: Value } | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Pure in-memory filtering, so it answers well within Discord's 3 seconds. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  if (focused.name === ARTICLE) {
    await interaction.respond(articleChoices(context.qa.status().articles, typed));
    return;
  }
  if (focused.name !== SECTION) {
    await interaction.respond([]);
    return;
  }
  const articles = context.qa.articles();
  const articleValue = interaction.options.getString(ARTICLE)?.trim() ?? "";
  // Without an article, sections are only meaningful when there is just one.
  const article = articleValue === "" ? (articles.length === 1 ? (articles[0] ?? null) : null) : articleFromOption(articles, articleValue);
  await interaction.respond(article ? localizedSectionChoices(article, typed, langFromLocale(interaction.locale)) : []);
}

/**
 * Autocomplete choices for the section option: "2: heading" as the name (cut to
 * Discord's 100 characters), the 1-based number as the value, at most 25;
 * the untitled opening section is named in the user's language.
 */
export function localizedSectionChoices(article: Article, typed: string, lang: Lang): APIApplicationCommandOptionChoice<string>[] {
  const opening = messages(lang).summary.openingSection;
  return sectionsMatching(article, typed)
    .slice(0, LIMITS.choices)
    .map(({ label, number }) => {
      const heading = article.sections[number - 1]?.heading;
      const name = heading === null ? `${number}: ${opening}` : label;
      return { name: name.length > LIMITS.choiceName ? `${name.slice(0, LIMITS.choiceName - 1)}…` : name, value: String(number) };
    });
}
