/**
 * `/reindex [file:<attachment>] [replace:<bool>]` (moderators): re-reads every
 * article and rebuilds the index; with a file, adds or replaces that article first.
 * Progress and the final report go to the moderator only.
 */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { presentAlreadyRunning, describeUploadProblem } from "../content-presentation.js";
import { discordActor, moderatorAdmin, runContentTask } from "../content-tasks.js";
import type { BotContext } from "../context.js";
import { commandTexts, langFromLocale, localize, messages } from "../i18n/index.js";
import { presentNotice } from "../presentation/index.js";
import { checkUpload, downloadUpload, uploadSchema, UploadRefusedError, type Upload } from "../upload.js";

const texts = commandTexts.reindex;
const FILE = texts.options.file.en.name;
const REPLACE = texts.options.replace.en.name;
const SHARED = texts.options.shared.en.name;

export const data = localize(new SlashCommandBuilder(), texts)
  // Hidden from everyone without Manage Server unless a server admin changes it; checked again on use.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addAttachmentOption((option) => localize(option, texts.options.file).setRequired(false))
  .addBooleanOption((option) => localize(option, texts.options.replace).setRequired(false))
  .addBooleanOption((option) => localize(option, texts.options.shared).setRequired(false));

export async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const text = messages(lang).content;
  const scope = await moderatorAdmin(interaction, context, lang, { shared: interaction.options.getBoolean(SHARED) ?? false });
  if (!scope) return;
  const admin = scope.admin;
  const attachment = interaction.options.getAttachment(FILE);
  const replace = interaction.options.getBoolean(REPLACE) ?? false;
  const refuse = (notice: string) => interaction.reply({ ...presentNotice(notice), flags: MessageFlags.Ephemeral });

  if (!attachment && replace) {
    await refuse(text.replaceWithoutFile(lang === "de" ? texts.options.replace.de.name : REPLACE));
    return;
  }
  const running = admin.reindexProgress();
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
  const actor = discordActor(interaction);
  await runContentTask(interaction, context, lang, scope, async (onProgress) => {
    if (upload === null) return { report: await admin.reindex({ onProgress, actor }), change: null };
    const bytes = await downloadUpload(upload, { maxBytes: context.config.MAX_UPLOAD_BYTES });
    const result = await admin.addArticle({ fileName: upload.name, bytes, actor, replace }, { onProgress });
    return { report: result.reindex, change: result.change };
  });
}
