/** @module Contract of the organiser-facing `organize` function. */
import { z } from 'zod'
import { type Blocker, Channel, Group, Id, IsoDateTime, type RoundState, Target } from '../core'
import { action } from './contract'

export const NewRound = z
  .object({
    /** A readable id for links (e.g. "xingfu-2026"); generated when absent. */
    id: Id.optional(),
    templateId: Id,
    title: z.string().trim().min(1).max(200),
    window: z.object({ opensAt: IsoDateTime, closesAt: IsoDateTime }).strict(),
    targets: z.array(Target).max(500),
    groups: z.array(Group).max(200).default([]),
    channels: z.array(Channel).max(500).default([]),
    intro: z.string().max(5000).default(''),
    unitNames: z.record(Id, z.string().max(200)).default({}),
    reports: z.record(Id, z.string().max(20000)).default({}),
    shards: z.number().int().min(1).max(256).default(16),
  })
  .strict()

export const organizeApi = {
  createRound: action<{ roundId: string }>()(NewRound),
  /** Opens the round unless something blocks it; the blockers come back explained in Chinese. */
  openRound: action<{ state: RoundState; blockers: Blocker[] }>()(z.object({ roundId: Id }).strict()),
}
