import type { FakeDiscord, RecordedCall } from "../helpers/fake-discord/index.js";
import { dispatchInteraction, slashCommand, type CommandOption, type DispatchedInteraction, type InteractionBase } from "../helpers/fake-discord-payloads.js";
import { messageBody } from "./api-shapes.js";

/** What the handler tests share: asking through /ask, and recognising the bot's messages. */

export const EPHEMERAL = 64;

/** A message the bot posted in the test channel, optionally as a reply to `replyTo`. */
export const isChannelMessage = (fake: FakeDiscord, replyTo?: string) => (call: RecordedCall) =>
  call.method === "POST" &&
  call.path === `/channels/${fake.channelId}/messages` &&
  (replyTo === undefined || messageBody(call).message_reference?.message_id === replyTo);

/** Dispatches an /ask interaction. */
export function ask(fake: FakeDiscord, question: string, base: InteractionBase = {}, isPublic?: boolean): DispatchedInteraction {
  const options: CommandOption[] = [{ name: "question", type: 3, value: question }];
  if (isPublic !== undefined) options.push({ name: "public", type: 5, value: isPublic });
  return dispatchInteraction(fake, slashCommand(fake, "ask", options, base));
}
