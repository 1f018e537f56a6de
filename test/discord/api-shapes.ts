/** Zod shapes for the request bodies the bot sends, so tests read them typed instead of casting. */
import { z } from "zod";
import type { DispatchedInteraction } from "../helpers/fake-discord-payloads.js";
import type { FakeDiscord, RecordedCall } from "../helpers/fake-discord/index.js";

/** The interaction callback (first response) of one interaction. */
export const isCallback = (interaction: DispatchedInteraction) => (call: RecordedCall) =>
  call.method === "POST" && call.path === `/interactions/${interaction.id}/${interaction.token}/callback`;

/** An edit of an interaction's original (deferred) response. */
export const isOriginalEdit = (fake: FakeDiscord, interaction: DispatchedInteraction) => (call: RecordedCall) =>
  call.method === "PATCH" && call.path === `/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`;

export const embedShape = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  fields: z.array(z.object({ name: z.string(), value: z.string(), inline: z.boolean().optional() })).optional(),
  footer: z.object({ text: z.string() }).optional(),
  author: z.object({ name: z.string() }).optional(),
});

export const buttonShape = z.object({ type: z.literal(2), custom_id: z.string(), label: z.string().optional() });

export const messageBodyShape = z.object({
  content: z.string().optional(),
  flags: z.number().optional(),
  embeds: z.array(embedShape).optional(),
  components: z.array(z.object({ type: z.literal(1), components: z.array(buttonShape) })).optional(),
  allowed_mentions: z.object({ parse: z.array(z.string()), replied_user: z.boolean().optional() }).optional(),
  message_reference: z.object({ message_id: z.string() }).optional(),
  choices: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number()]) })).optional(),
});

export const callbackShape = z.object({ type: z.number(), data: messageBodyShape.optional() });

export type MessageBody = z.infer<typeof messageBodyShape>;

export function callbackBody(call: RecordedCall): z.infer<typeof callbackShape> {
  return callbackShape.parse(call.body);
}

export function messageBody(call: RecordedCall): MessageBody {
  return messageBodyShape.parse(call.body);
}

/** All text a user could see in a message body. */
export function visibleText(body: MessageBody | undefined): string {
  if (!body) return "";
  const parts = [body.content ?? ""];
  for (const embed of body.embeds ?? []) {
    parts.push(embed.title ?? "", embed.description ?? "", embed.footer?.text ?? "");
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  for (const row of body.components ?? []) for (const button of row.components) parts.push(button.label ?? "");
  return parts.join("\n");
}

/** The quoted sentences of a summary embed with their ¶ numbers, unescaped, in the order shown. */
export function summaryEntries(body: MessageBody | undefined, unescape: (text: string) => string): Array<{ text: string; paragraph: number }> {
  const lines = (body?.embeds?.[0]?.description ?? "").split("\n");
  const entries: Array<{ text: string; paragraph: number }> = [];
  lines.forEach((line, index) => {
    const citation = /^— \*\*¶(\d+)\*\*$/.exec(lines[index + 1] ?? "");
    if (line.startsWith("> ") && citation) entries.push({ text: unescape(line.slice(2)), paragraph: Number(citation[1]) });
  });
  return entries;
}
