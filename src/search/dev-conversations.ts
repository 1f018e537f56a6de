import { z } from "zod";
import { loadJsonLines, type DevSplit } from "./dev-questions.js";

/**
 * Hand-written development conversations about the bundled content
 * (test/fixtures/dev-conversations*.jsonl): a first question, then follow-ups
 * ("follow-up": needs the earlier turns) and changes of topic ("switch":
 * must be answered on its own terms). A turn with no paragraphs is not
 * answered by the article and should be refused.
 */
export const devConversationSchema = z.object({
  id: z.string(),
  lang: z.enum(["de", "en"]),
  turns: z
    .array(
      z.object({
        question: z.string().min(1),
        paragraphs: z.array(z.number().int().positive()),
        kind: z.enum(["first", "follow-up", "switch"]),
      }),
    )
    .min(2),
});

export type DevConversation = z.infer<typeof devConversationSchema>;
export type DevTurn = DevConversation["turns"][number];

export function loadDevConversations(file: string): Promise<DevConversation[]> {
  return loadJsonLines(file, devConversationSchema);
}

/** Conversations whose id starts with "conv2-" are sealed: settings are tuned on the others only. */
export function devConversationSplit(conversation: Pick<DevConversation, "id">): DevSplit {
  return conversation.id.startsWith("conv2-") ? "sealed" : "calibrate";
}
