/**
 * Runtime schemas for what the renderer sends over each channel. The host never trusts the
 * types in `contract.ts` alone: a compromised or buggy renderer can send anything, so every
 * handler parses its arguments with the schema of its channel before using them.
 */
import { z } from 'zod';
import type { Channel, ChannelArgs, OutputFile, SaveRequest } from './contract';
import type { TeamCredentials } from '../team/credentials';
import { checkTeamServer } from '../team/server-url';

/** Longest file or folder name most file systems accept (bytes on ext4/APFS, UTF-16 units on NTFS). */
const MAX_NAME_LENGTH = 255;
/** Enough for the whole archive in one export; more than this is a runaway renderer. */
const MAX_FILES_PER_SAVE = 100_000;

const outputFileSchema = z.strictObject({
  // Only a bound on what is parsed at all: main checks each part's and the whole path's length in
  // UTF-8 bytes once the folder is known (`lengthProblem` in src-main/path-guard.ts).
  name: z
    .string()
    .min(1)
    .max(4 * MAX_NAME_LENGTH),
  data: z.instanceof(Uint8Array),
}) satisfies z.ZodType<OutputFile>;

const saveRequestSchema = z.strictObject({
  suggestedName: z.string().min(1).max(MAX_NAME_LENGTH),
  files: z.array(outputFileSchema).min(1).max(MAX_FILES_PER_SAVE),
}) satisfies z.ZodType<SaveRequest>;

/** A team database's address exactly as the desk stores it: checked and normalised, never solo's empty one. */
const teamServerSchema = z
  .string()
  .max(2048)
  .refine((url) => {
    const check = checkTeamServer(url);
    return check.ok && check.url === url;
  }, 'not a team server address (https, or http to this machine, naming a database)');

const credentialsSchema = z.strictObject({
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(1024),
}) satisfies z.ZodType<TeamCredentials>;

/** One schema per channel for its argument tuple; a channel without one is a compile error. */
export const channelArgsSchemas: { [C in Channel]: z.ZodType<ChannelArgs<C>> } = {
  'seeds.list': z.tuple([]),
  'files.open': z.tuple([]),
  'files.save': z.tuple([saveRequestSchema]),
  'credentials.load': z.tuple([teamServerSchema]),
  'credentials.save': z.tuple([teamServerSchema, credentialsSchema]),
  'credentials.forget': z.tuple([teamServerSchema]),
};

export type ArgsCheck<C extends Channel> = { ok: true; args: ChannelArgs<C> } | { ok: false; reason: string };

/** Parses what arrived for `channel`; the reason names the channel and the first bad field. */
export function parseChannelArgs<C extends Channel>(channel: C, args: unknown): ArgsCheck<C> {
  const result = channelArgsSchemas[channel].safeParse(args);
  if (result.success) return { ok: true, args: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, reason: `invalid arguments for ${channel}${where}: ${issue?.message ?? 'rejected'}` };
}
