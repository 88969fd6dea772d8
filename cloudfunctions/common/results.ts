/**
 * @module Per-target results in the `results` collection. While a round is open they are a cache
 * of each target's live release (`releases.ts`: content moves by k ballots at a time) beside the
 * live counts, refreshed by at most one caller every few seconds, so a hundred leaders
 * cost the database about what one does. On close the final ones are stored — checked against a
 * recount of the ballots — and from then on they are read, never recomputed: a later edit of a
 * template or rule cannot change what was published.
 */
import { createHash } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { FiguresBasis } from '../../src/api/report'
import { type Counters, domainError, emptyCounters, heldBack, inShanghai, NO_UNUSABLE, type Round, shownContent, targetResult, type TargetResult, turnoutOf, type Unusable } from '../../src/core'
import { type RoundCounters, roundCounters, totalBallots, turnoutFields } from '../organize/counters'
import { audit } from './audit'
import { database } from './cloudbase'
import { recount } from './recount'
import { refuse } from './refuse'
import { advanceRelease, type Release } from './releases'
import { withStandings } from './verdictSteps'
import type { RoundDoc } from './rounds'
import { sealRound } from './seal'
import { distinctVoters } from './voters'

/** A warm instance serves the live figures it last read for this long before reading them again. */
export const LIVE_TTL_MS = 5000
/**
 * The scheduler folds each open round's live figures once a minute (`foldLive`), so a reader only
 * reads them. One finding them older than this (no pass of the scheduler since: a round just
 * opened, a trigger that failed) folds them itself, once per this time whoever else reads.
 */
export const LIVE_STALE_MS = 2 * 60_000

/** What a result was judged by: kept with the stored results so nothing edited later reaches them. */
type JudgedBy = Pick<Round, 'template' | 'rules' | 'aggregation' | 'categories' | 'minSample' | 'kSuppression' | 'targets' | 'groups' | 'channels'>

export interface Mismatch {
  targetId: string
  counted: number
  recounted: number
}

interface TargetDoc {
  _id: string
  roundId: string
  basis: FiguresBasis
  kind: 'target'
  targetId: string
  /** Of an older shape in documents stored before live releases: see `legacy`. */
  result: TargetResult
  /** The ballots the result rests on: the target's live release, or its final tally once stored. */
  counters: Counters
  /** Counts of participation, live: ballots per category and channel, no ratings (absent in documents stored before releases). */
  turnout?: Counters
  /** Spoiled and blank paper sheets (absent before paper ballots). */
  unusable?: Unusable
  /** sha256 of the counters behind the result. */
  digest: string
  templateId: string
  computedAt: string
}

/** A target's live figures as folded: results are judged from them on read (cheap), not stored. */
interface LiveTarget {
  targetId: string
  /** Its release's counters. */
  counters: Counters
  turnout: Counters
  unusable: Unusable
}

interface MarkDoc {
  _id: string
  roundId: string
  basis: FiguresBasis
  kind: 'round'
  /** Stored results only: live ones are judged by the round as it is. */
  judgedBy?: JudgedBy
  /** The round's state when computed: a live cache from before close is not reused after it. */
  state: Round['state']
  groupChats: number
  /** Ballots cast today (Shanghai) and burst flags, as of `computedAt`. */
  today: number
  bursts: { targetId: string; channelId: string | null; ballots: number; identicalBallots: number }[]
  mismatch: Mismatch[] | null
  computedAt: string
  /** ms epoch of the last fold claimed, so only one reader of a stale fold folds again. */
  refreshAt: number
  /** Distinct voters of the round (absent in marks stored before it was folded in). */
  voters?: number
  /**
   * Live figures: every target's `LiveTarget`, as deflated JSON in base64, so that one read of one
   * document of a few KB serves a round of hundreds of targets (their counters repeat the same keys).
   */
  packed?: string
}

export interface RoundFigures {
  /** The round as its results were judged: the stored rules and template once closed. */
  round: Round
  basis: FiguresBasis
  computedAt: string
  /** `content`: what views may show (nothing below k ballots); `turnout`: counts of participation only. */
  byTarget: Map<string, { result: TargetResult; content: Counters; turnout: Counters; unusable: Unusable }>
  groupChats: number
  today: number
  bursts: MarkDoc['bursts']
  mismatch: Mismatch[] | null
  /** Distinct voters, as folded; null where a stored mark predates it. */
  voters: number | null
}

const results = () => database().collection('results')
const markId = (roundId: string, basis: FiguresBasis) => `${basis}:${roundId}`
const targetDocId = (roundId: string, basis: FiguresBasis, targetId: string) => `${basis}:${roundId}:${targetId}`
const pack = (targets: readonly LiveTarget[]) => deflateRawSync(JSON.stringify(targets)).toString('base64')
const unpack = (packed: string) => JSON.parse(inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8')) as LiveTarget[]

/** Key order normalised, so equal counters always digest alike however they were built. */
function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
}
export const countersDigest = (c: Counters) => createHash('sha256').update(JSON.stringify(canonical(c))).digest('hex')

const judgedBy = (r: Round): JudgedBy => ({
  template: r.template, rules: r.rules, aggregation: r.aggregation, categories: r.categories, minSample: r.minSample,
  kSuppression: r.kSuppression, targets: r.targets, groups: r.groups, channels: r.channels,
})

interface DayDoc {
  day: string
  atStart: number
}

interface Docs {
  mark: MarkDoc | null
  targets: TargetDoc[]
  releases: Map<string, Release>
  /** The note of the ballots as the day began (`dayStart`), read along with the live documents. */
  day?: DayDoc
}

/**
 * Releases come along without their opinions, which only a target's detail reads, and without the
 * keys of their ballots. Live: what a fold starts from (releases, the day's note), the live mark
 * without its targets, which the fold replaces.
 */
async function readDocs(roundId: string, basis: FiguresBasis): Promise<Docs> {
  const docs: Docs = { mark: null, targets: [], releases: new Map() }
  const skipped = basis === 'live' ? { packed: false } : {}
  const bases = basis === 'live' ? database().command.in(['live', 'day']) : basis
  for (let offset = 0; ; offset += 1000) {
    const { data } = await results().where({ roundId, basis: bases }).field({ opinions: false, released: false, ...skipped }).skip(offset).limit(1000).get()
    for (const d of data as (TargetDoc | MarkDoc | (Release & { kind: 'release'; targetId: string }) | (DayDoc & { kind: 'day' }))[]) {
      if (d.kind === 'round') docs.mark = d
      else if (d.kind === 'day') docs.day = d
      else if (d.kind === 'release') docs.releases.set(d.targetId, { counters: d.counters, at: d.at })
      else docs.targets.push(d)
    }
    if (data.length < 1000) return docs
  }
}

/** A target's result from the ballots it rests on (`rests`) and the ballots received (`received`). */
function resultOf(round: Round, targetId: string, rests: Counters, received: Counters, live: boolean, now: Date): TargetResult {
  const shown = shownContent(rests, round.kSuppression)
  return targetResult(round, targetId, shown, { received: turnoutOf(received), hold: heldBack(round, targetId, shown, received, now), live })
}

/**
 * Results stored before live releases (no `counted`, `undetermined` a boolean) were computed
 * without withholding anything below k: they are judged again from their counters, by the rules
 * stored with them, so a stored target of 2 ballots shows no rate, verdict or opinion.
 */
const legacy = (result: TargetResult) => typeof result.counted !== 'number' || typeof result.verdicts.undetermined === 'boolean'

const figuresOf = (round: Round, mark: MarkDoc, byTarget: RoundFigures['byTarget']): RoundFigures => ({
  round, basis: mark.basis, computedAt: mark.computedAt, byTarget, groupChats: mark.groupChats, today: mark.today, bursts: mark.bursts, mismatch: mark.mismatch, voters: mark.voters ?? null,
})

function fromDocs(live: Round, mark: MarkDoc, targets: TargetDoc[]): RoundFigures {
  const round = { ...live, ...mark.judgedBy }
  const resultFor = (t: TargetDoc) => (legacy(t.result) ? resultOf(round, t.targetId, t.counters, t.counters, mark.basis === 'live', new Date(mark.computedAt)) : t.result)
  return figuresOf(round, mark, new Map(targets.map((t) => [t.targetId, { result: resultFor(t), content: shownContent(t.counters, round.kSuppression), turnout: t.turnout ?? turnoutOf(t.counters), unusable: t.unusable ?? NO_UNUSABLE }])))
}

/** Live figures judged from the folded counters, as of the fold, so every reader of one fold sees the same. */
function fromLive(round: Round, mark: MarkDoc, targets: readonly LiveTarget[]): RoundFigures {
  const at = new Date(mark.computedAt)
  return figuresOf(round, mark, new Map(targets.map((t) => [t.targetId, { result: resultOf(round, t.targetId, t.counters, t.turnout, true, at), content: shownContent(t.counters, round.kSuppression), turnout: t.turnout, unusable: t.unusable }])))
}

/**
 * The live mark as last folded, with its targets when it was folded for this round as it is now:
 * every target there, in this state (a mark written before `packed` has none).
 */
async function liveMark(round: Round): Promise<{ mark: MarkDoc; targets: LiveTarget[] | null } | null> {
  const { data } = await results().doc(markId(round.id, 'live')).get()
  const mark = data[0] as MarkDoc | undefined
  if (!mark) return null
  const targets = mark.state === round.state && mark.packed !== undefined ? unpack(mark.packed) : []
  return { mark, targets: round.targets.every((t) => targets.some((d) => d.targetId === t.id)) ? targets : null }
}

/**
 * Ballots cast before today began, so that today's count needs no scan of the ballots: the
 * scheduler's fold takes it within a minute after midnight (`openRound` as the round opens); a
 * reader's fold finding none for today takes it then.
 */
export async function dayStart(roundId: string, now: Date, total: () => Promise<number>, read?: DayDoc): Promise<number> {
  const day = inShanghai(now).format('YYYY-MM-DD')
  const found = read?.day === day ? read : ((await results().doc(`day:${roundId}`).get()).data[0] as DayDoc | undefined)
  if (found?.day === day) return found.atStart
  const atStart = await total()
  await results().doc(`day:${roundId}`).set({ roundId, basis: 'day', kind: 'day', day, atStart })
  return atStart
}

async function todayAndBursts(roundId: string, now: Date, total: number, day?: DayDoc): Promise<Pick<MarkDoc, 'today' | 'bursts'>> {
  const [atStart, { data }] = await Promise.all([
    dayStart(roundId, now, async () => total, day),
    database().collection('signals').where({ roundId, kind: 'burst' }).limit(100).get(),
  ])
  const bursts = (data as MarkDoc['bursts']).map(({ targetId, channelId, ballots, identicalBallots }) => ({ targetId, channelId, ballots, identicalBallots }))
  return { today: total - atStart, bursts }
}

async function write(docs: readonly (TargetDoc | MarkDoc)[]): Promise<void> {
  await Promise.all(docs.map(({ _id, ...rest }) => results().doc(_id).set(rest)))
}

/** The live figures of every target: its release (advanced first when due) beside its live counts. */
async function liveFold(round: Round, counters: RoundCounters, releases: Docs['releases'] | undefined, now: Date): Promise<LiveTarget[]> {
  return Promise.all(round.targets.map(async (t) => {
    const c = counters.byTarget.get(t.id) ?? emptyCounters()
    const release = await advanceRelease(round, t.id, releases?.get(t.id) ?? null, c, now)
    return { targetId: t.id, counters: release?.counters ?? emptyCounters(), turnout: turnoutOf(c), unusable: counters.unusable.get(t.id) ?? NO_UNUSABLE }
  }))
}

/**
 * Folds every target's figures into one document under `basis`: live, each target's release and
 * counts, packed (`LiveTarget`); stored, each target's result from the final counters in a document
 * of its own. Participation is always the counters.
 */
async function compute(doc: RoundDoc, round: Round, basis: FiguresBasis, now: Date, mismatch: Mismatch[] | null, read?: RoundCounters, cached?: Pick<Docs, 'releases' | 'day'>): Promise<RoundFigures> {
  // Live figures rest on releases (read from the ballots): of the shards, participation is enough.
  const counters = read ?? (await roundCounters(doc._id, turnoutFields(round)))
  const computedAt = now.toISOString()
  const [extra, voters] = await Promise.all([todayAndBursts(doc._id, now, totalBallots(counters), cached?.day), distinctVoters(doc._id)])
  const mark: MarkDoc = {
    _id: markId(doc._id, basis), roundId: doc._id, basis, kind: 'round', state: round.state,
    groupChats: counters.groupChats, ...extra, mismatch, computedAt, refreshAt: now.getTime(), voters,
  }
  if (basis === 'live') {
    const targets = await liveFold(round, counters, cached?.releases, now)
    await write([{ ...mark, packed: pack(targets) }])
    return fromLive(round, mark, targets)
  }
  const targets: TargetDoc[] = round.targets.map((t) => {
    const c = counters.byTarget.get(t.id) ?? emptyCounters()
    return {
      _id: targetDocId(doc._id, basis, t.id), roundId: doc._id, basis, kind: 'target' as const, targetId: t.id,
      result: resultOf(round, t.id, c, c, false, now), counters: c, turnout: turnoutOf(c), unusable: counters.unusable.get(t.id) ?? NO_UNUSABLE, digest: countersDigest(c), templateId: round.template.id, computedAt,
    }
  })
  // The mark last: its presence says the targets beside it are complete.
  await write(targets)
  const stored = { ...mark, judgedBy: judgedBy(round) }
  await write([stored])
  return fromDocs(round, stored, targets)
}

/**
 * The scheduler's pass over an open round, with the counters it read for the burst watch: the live
 * figures folded afresh, so that readers only read them.
 */
export async function foldLive(doc: RoundDoc, now: Date, counters: RoundCounters): Promise<void> {
  await compute(doc, doc.round, 'live', now, null, counters, await readDocs(doc._id, 'live'))
}

/** Only one caller per staleness wins the claim to fold; the others serve what is there. */
async function claimRefresh(roundId: string, now: Date): Promise<boolean> {
  const _ = database().command
  const { updated } = (await results().where({ _id: markId(roundId, 'live'), refreshAt: _.lt(now.getTime() - LIVE_STALE_MS) }).update({ refreshAt: now.getTime() })) as { updated: number }
  return updated === 1
}

/**
 * A warm function instance keeps the live figures it last read for a few seconds, so a hundred
 * leaders polling one instance do not even read the live document; each instance of a scaled-out
 * function has its own copy.
 */
const inInstance = new Map<string, { until: number; figures: Promise<RoundFigures> }>()

function liveFigures(doc: RoundDoc, now: Date): Promise<RoundFigures> {
  const key = `${doc._id}:${doc.round.state}`
  const kept = inInstance.get(key)
  if (kept && kept.until > now.getTime()) return kept.figures
  const figures = readLive(doc, now)
  inInstance.set(key, { until: now.getTime() + LIVE_TTL_MS, figures })
  // A failed read is not kept: the next caller tries again.
  figures.catch(() => inInstance.delete(key))
  return figures
}

/** One read of the folded document; a fold of its own only when the scheduler's is missing or stale. */
async function readLive(doc: RoundDoc, now: Date): Promise<RoundFigures> {
  const { round } = doc
  const live = await liveMark(round)
  if (live?.targets && (now.getTime() - Date.parse(live.mark.computedAt) < LIVE_STALE_MS || !(await claimRefresh(doc._id, now)))) return fromLive(round, live.mark, live.targets)
  return compute(doc, round, 'live', now, null, undefined, await readDocs(doc._id, 'live'))
}

/** The figures a caller sees: the stored ones once the round is closed and stored, else live. */
export async function roundFigures(doc: RoundDoc, now: Date): Promise<RoundFigures> {
  if (doc.round.state !== 'open' && doc.round.state !== 'draft') {
    const stored = await readDocs(doc._id, 'stored')
    // No ballot arrives after the close: the day's count taken then holds until that day ends.
    const closedToday = (mark: MarkDoc) => inShanghai(mark.computedAt).isSame(inShanghai(now), 'day')
    if (stored.mark) return withStandings(doc, { ...fromDocs(doc.round, stored.mark, stored.targets), today: closedToday(stored.mark) ? stored.mark.today : 0 })
  }
  return withStandings(doc, await liveFigures(doc, now))
}

/**
 * The figures as last computed, read without refreshing or writing anything: what callers have
 * been shown. Null before the first computation. For a write that must change nothing when refused.
 */
export async function shownFigures(doc: RoundDoc): Promise<RoundFigures | null> {
  if (doc.round.state === 'open') {
    const live = await liveMark(doc.round)
    return live?.targets ? withStandings(doc, fromLive(doc.round, live.mark, live.targets)) : null
  }
  const stored = await readDocs(doc._id, 'stored')
  return stored.mark ? withStandings(doc, fromDocs(doc.round, stored.mark, stored.targets)) : null
}

export async function storedMark(roundId: string): Promise<MarkDoc | null> {
  const { data } = await results().doc(markId(roundId, 'stored')).get()
  return (data[0] as MarkDoc | undefined) ?? null
}

/**
 * The live documents — releases with their opinions, the cache of live results — once the final
 * results are stored: beside them, final less the last release would be the ballots cast after it,
 * one known voter's when she came alone. Nothing reads them once a stored mark exists; a refresh
 * that was already under way at the close may write one back, which the scheduler's next pass
 * (and any later close attempt) removes.
 */
export async function dropLiveFigures(roundId: string): Promise<void> {
  await results().where({ roundId, basis: 'live' }).remove()
  // Paper entries that did not become ballots by the close never can (the seal refuses them): their readings go too.
  const _ = database().command
  await database().collection('paperBallots').where({ roundId, state: _.in(['entered', 'disputed', 'recording']) }).update({ state: 'lapsed', entries: [], agreed: _.remove() })
}

/**
 * On close: the counter shards sealed, so no ballot in flight lands after the close answers; then
 * the final result of every target from its counters, each checked against a recount of its
 * ballots. Stored once; a second call (the scheduler repairing a half-done close, or two
 * closers at once) finds the mark and leaves what is stored alone. The live documents go with
 * the storing (`dropLiveFigures`).
 */
export async function storeFinalResults(doc: RoundDoc, actor: string, now: Date): Promise<void> {
  if (await storedMark(doc._id)) return dropLiveFigures(doc._id)
  const round: Round = { ...doc.round, state: 'closed' }
  await sealRound(doc)
  const read = await roundCounters(doc._id)
  const mismatch: Mismatch[] = []
  for (const t of round.targets) {
    const counted = read.byTarget.get(t.id) ?? emptyCounters()
    const recounted = await recount(round, t.id)
    // Ballots keep no channel: the recount checks the answers; channels are counted from receipts.
    if (countersDigest({ ...counted, channels: {} }) !== countersDigest(recounted)) mismatch.push({ targetId: t.id, counted: counted.ballots, recounted: recounted.ballots })
  }
  await compute(doc, round, 'stored', now, mismatch.length > 0 ? mismatch : null, read)
  await dropLiveFigures(doc._id)
  for (const m of mismatch) {
    const name = round.targets.find((t) => t.id === m.targetId)?.name ?? m.targetId
    await audit(actor, { action: 'resultsMismatch', subject: `${doc._id}/${m.targetId}（${name}）`, unitId: doc.ownerUnitId, before: { counters: m.counted }, after: { recount: m.recounted } }, now)
  }
}

/** Publishing shows the stored results: they must exist and agree with the recount. */
export async function assertPublishable(doc: RoundDoc, actor: string, now: Date): Promise<void> {
  if (!(await storedMark(doc._id))) await storeFinalResults(doc, actor, now)
  if ((await storedMark(doc._id))?.mismatch) refuse(domainError('RESULTS_MISMATCH'))
}
