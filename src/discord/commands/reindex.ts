/**
 * `/reindex [file:<attachment>] [replace:<bool>] [check:<bool>]` (moderators):
 * re-reads every article and rebuilds the index; with a file, adds or replaces
 * that article first, or with `check` only shows how it would be read.
 * Progress and the final report go to the moderator only.
 */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { presentAlreadyRunning, describeUploadProblem } from "../content-presentation.js";
import { describeFailure, discordActor, moderatorAdmin, runContentTask } from "../content-tasks.js";
import { presentArticleCheck } from "../article-reading.js";
import type { BotContext } from "../context.js";
import type { ContentAdminApi } from "../../answer/types.js";
import { commandTexts, langFromLocale, localize, messages, type Lang } from "../i18n/index.js";
import { presentNotice } from "../presentation/index.js";
import { checkUpload, downloadUpload, uploadSchema, UploadRefusedError, type Upload } from "../upload.js";

const texts = commandTexts.reindex;
const FILE = texts.options.file.en.name;
const REPLACE = texts.options.replace.en.name;
const SHARED = texts.options.shared.en.name;
const CHECK = texts.options.check.en.name;

export const data = localize(new SlashCommandBuilder(), texts)
  // Hidden from everyone without Manage Server unless a server admin changes it; checked again on use.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addAttachmentOption((option) => localize(option, texts.options.file).setRequired(false))
  .addBooleanOption((option) => localize(option, texts.options.replace).setRequired(false))
  .addBooleanOption((option) => localize(option, texts.options.check).setRequired(false))
  .addBooleanOption((option) => localize(option, texts.options.shared).setRequired(false));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const text = messages(lang).content;
  const scope = await moderatorAdmin(interaction, context, lang, { shared: interaction.options.getBoolean(SHARED) ?? false });
  if (!scope) return;
  const admin = scope.admin;
  const attachment = interaction.options.getAttachment(FILE);
  const replace = interaction.options.getBoolean(REPLACE) ?? false;
  const check = interaction.options.getBoolean(CHECK) ?? false;
  const refuse = (notice: string) => interaction.reply({ ...presentNotice(notice), flags: MessageFlags.Ephemeral });

  if (!attachment && replace) {
    await refuse(text.replaceWithoutFile(texts.options.replace[lang].name));
    return;
  }
  if (!attachment && check) {
    await refuse(text.checkWithoutFile(texts.options.check[lang].name));
    return;
  }
  const running = check ? null : admin.reindexProgress();
  if (running) {
    await interaction.reply({ ...presentAlreadyRunning(running, lang), flags: MessageFlags.Ephemeral });
    return;
  }
  let upload: Upload | null = null;
  if (attachment) {
    const parsed = uploadSchema.safeParse({ name: attachment.name, url: attachment.url, size: attachment.size, contentType: attachment.contentType });
    if (!parsed.success) {
      await refuse(describeUploadProblem({ kind: "download_failed", detail: "unusable attachment" }, lang));
      return;
    }
    upload = parsed.data;
    // Type and declared size are refused before anything is downloaded.
    try {
      checkUpload(upload, context.config.MAX_UPLOAD_BYTES);
    } catch (error) {
      if (!(error instanceof UploadRefusedError)) throw error;
      await refuse(describeUploadProblem(error.problem, lang));
      return;
    }
  }

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  // Only reading the file: it runs beside a reindex and changes nothing.
  if (check && upload) {
    await checkOnly(interaction, context, admin, upload, lang);
    return;
  }
  const actor = discordActor(interaction);
  await runContentTask(interaction, context, lang, scope, async (onProgress) => {
    if (upload === null) return { report: await admin.reindex({ onProgress, actor }), change: null };
    const bytes = await downloadUpload(upload, { maxBytes: context.config.MAX_UPLOAD_BYTES });
    const result = await admin.addArticle({ fileName: upload.name, bytes, actor, replace }, { onProgress });
    return { report: result.reindex, change: result.change };
  });
}

/** `check`: downloads the file and shows how it would be read; the refusals (type, size, encoding) are those adding would give, told as of a check. */
async function checkOnly(interaction: ChatInputCommandInteraction, context: BotContext, admin: ContentAdminApi, upload: Upload, lang: Lang): Promise<void> {
  try {
    const bytes = await downloadUpload(upload, { maxBytes: context.config.MAX_UPLOAD_BYTES });
    const check = await admin.checkArticle({ fileName: upload.name, bytes });
    await interaction.editReply(presentArticleCheck(check, upload.name, lang));
  } catch (error) {
    const failure = describeFailure(error, lang, "check");
    if (!failure) throw error;
    context.logger.info({ event: "article_check_refused", guild: interaction.guildId, kind: failure.kind, reason: failure.logReason }, "article check refused");
    await interaction.editReply(failure.payload);
  }
}
