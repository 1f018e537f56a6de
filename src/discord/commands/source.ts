/** `/source paragraph:<n> [article:<autocomplete>]`: a whole paragraph with heading and citation. */
import { MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import type { Article } from "../../content/types.js";
import type { BotContext } from "../context.js";
import { articleFromOption } from "../article-option.js";
import { commandTexts, langFromLocale, localize, messages } from "../i18n/index.js";
import { articleChoices, fitEscapedInline, paragraphChoices, presentNotice, presentParagraph } from "../presentation/index.js";

const texts = commandTexts.source;
const PARAGRAPH = texts.options.paragraph.en.name;
const ARTICLE = texts.options.article.en.name;

export const data = localize(new SlashCommandBuilder(), texts)
  .addIntegerOption((option) => localize(option, texts.options.paragraph).setRequired(true).setMinValue(1).setAutocomplete(true))
  .addStringOption((option) => localize(option, texts.options.article).setRequired(false).setAutocomplete(true));

/** The article an option value names (see `articleFromOption`); without a value, the first article. */
export function resolveArticle(articles: readonly Article[], value: string | null): Article | null {
  if (value === null || value.trim() === "") return articles[0] ?? null;
  return articleFromOption(articles, value);
}

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const text = messages(lang);
  const article = resolveArticle(context.qa.articles(), interaction.options.getString(ARTICLE));
  if (!article) {
    await interaction.reply({ ...presentNotice(text.articleNotFound), flags: MessageFlags.Ephemeral });
    return;
  }
  const paragraph = interaction.options.getInteger(PARAGRAPH, true);
  const lookup = context.qa.source(paragraph, article.id);
  if (!lookup) {
    // The title comes from an article file: escaped like any quoted text.
    const notice = text.paragraphNotFound(paragraph, fitEscapedInline(article.title, 200), article.paragraphs.length);
    await interaction.reply({ ...presentNotice(notice), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.reply(presentParagraph(lookup, lang));
}

/** Pure in-memory filtering, so it answers well within Discord's 3 seconds. */
export async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const articles = context.qa.articles();
  if (focused.name === ARTICLE) {
    await interaction.respond(articleChoices(articles, String(focused.value)));
    return;
  }
  const chosen = resolveArticle(articles, interaction.options.getString(ARTICLE)) ?? articles[0];
  await interaction.respond(chosen ? paragraphChoices(chosen, String(focused.value)) : []);
}
