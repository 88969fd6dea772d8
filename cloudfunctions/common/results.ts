/**
 * @module Per-target results in the `results` collection. While a round is open they are a cache
 * of each target's live release (`releases.ts`: content moves by k ballots at a time) beside the
 * live counts, refreshed by at most one caller every few seconds, so a hundred leaders
 * cost the database about what one does. On close the final ones are stored — checked against a
 * recount of the ballots — and from then on they are read, never recomputed: a later edit of a
 * template or rule cannot change what was published.
 */
import { createHash } from 'node:crypto'
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

/** Live figures are served from the cache for this long before one caller refreshes them. */
export const LIVE_TTL_MS = 5000

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

interface MarkDoc {
  _id: string
  roundId: string
  basis: FiguresBasis
  kind: 'round'
  judgedBy: JudgedBy
  /** The round's state when computed: a live cache from before close is not reused after it. */
  state: Round['state']
  groupChats: number
  /** Ballots cast today (Shanghai) and burst flags, as of `computedAt`. */
  today: number
  bursts: { targetId: string; channelId: string | null; ballots: number; identicalBallots: number }[]
  mismatch: Mismatch[] | null
  computedAt: string
  /** ms epoch of the last refresh claimed, so only one caller recomputes per TTL. */
  refreshAt: number
  /** Live figures: every target's in this one document, so a refresh writes one, not one per target. */
  targets?: TargetDoc[]
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
}

const results = () => database().collection('results')
const markId = (roundId: string, basis: FiguresBasis) => `${basis}:${roundId}`
const targetDocId = (roundId: string, basis: FiguresBasis, targetId: string) => `${basis}:${roundId}:${targetId}`

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
 * keys of their ballots. `outline`: the
 * live document without its targets' results and counters, the bulk of it — enough to tell whether
 * it is fresh, and a refresh needs only the releases beside it.
 */
async function readDocs(roundId: string, basis: FiguresBasis, outline = false): Promise<Docs> {
  const docs: Docs = { mark: null, targets: [], releases: new Map() }
  const skipped = outline ? { 'targets.result': false, 'targets.counters': false } : {}
  const bases = basis === 'live' ? database().command.in(['live', 'day']) : basis
  for (let offset = 0; ; offset += 1000) {
    const { data } = await results().where({ roundId, basis: bases }).field({ opinions: false, released: false, ...skipped }).skip(offset).limit(1000).get()
    for (const d of data as (TargetDoc | MarkDoc | (Release & { kind: 'release'; targetId: string }) | (DayDoc & { kind: 'day' }))[]) {
      if (d.kind === 'round') docs.mark = d
      else if (d.kind === 'day') docs.day = d
      else if (d.kind === 'release') docs.releases.set(d.targetId, { counters: d.counters, at: d.at })
      else docs.targets.push(d)
    }
    if (data.length < 1000) return docs.mark?.targets ? { ...docs, targets: docs.mark.targets } : docs
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

function fromDocs(live: Round, mark: MarkDoc, targets: TargetDoc[]): RoundFigures {
  const round = { ...live, ...mark.judgedBy }
  const resultFor = (t: TargetDoc) => (legacy(t.result) ? resultOf(round, t.targetId, t.counters, t.counters, mark.basis === 'live', new Date(mark.computedAt)) : t.result)
  return {
    round,
    basis: mark.basis,
    computedAt: mark.computedAt,
    byTarget: new Map(targets.map((t) => [t.targetId, { result: resultFor(t), content: shownContent(t.counters, round.kSuppression), turnout: t.turnout ?? turnoutOf(t.counters), unusable: t.unusable ?? NO_UNUSABLE }])),
    groupChats: mark.groupChats,
    today: mark.today,
    bursts: mark.bursts,
    mismatch: mark.mismatch,
  }
}

/** Every target there, written since live figures rest on releases (a `turnout` beside them). */
const complete = (round: Round, targets: TargetDoc[]) => round.targets.every((t) => targets.some((d) => d.targetId === t.id && d.turnout !== undefined))

/**
 * Ballots cast before today began, so that today's count needs no scan of the ballots: the
 * scheduler takes it within a minute after midnight (or after a round opens); a refresh finding
 * none for today takes it then.
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

/**
 * Computes every target's result and writes them under `basis`: live, from the target's release
 * (advanced first when due); stored, from the final counters. Participation is always the counters.
 */
async function compute(doc: RoundDoc, round: Round, basis: FiguresBasis, now: Date, mismatch: Mismatch[] | null, read?: RoundCounters, cached?: Pick<Docs, 'releases' | 'day'>): Promise<RoundFigures> {
  const releases = cached?.releases
  // Live figures rest on releases (read from the ballots): of the shards, participation is enough.
  const counters = read ?? (await roundCounters(doc._id, turnoutFields(round)))
  const computedAt = now.toISOString()
  const extra = await todayAndBursts(doc._id, now, totalBallots(counters), cached?.day)
  const targets: TargetDoc[] = await Promise.all(round.targets.map(async (t) => {
    const c = counters.byTarget.get(t.id) ?? emptyCounters()
    const rests = basis === 'live' ? ((await advanceRelease(round, t.id, releases?.get(t.id) ?? null, c, now))?.counters ?? emptyCounters()) : c
    const result = resultOf(round, t.id, rests, c, basis === 'live', now)
    return {
      _id: targetDocId(doc._id, basis, t.id), roundId: doc._id, basis, kind: 'target' as const, targetId: t.id,
      result, counters: rests, turnout: turnoutOf(c), unusable: counters.unusable.get(t.id) ?? NO_UNUSABLE, digest: countersDigest(rests), templateId: round.template.id, computedAt,
    }
  }))
  const mark: MarkDoc = {
    _id: markId(doc._id, basis), roundId: doc._id, basis, kind: 'round', judgedBy: judgedBy(round), state: round.state,
    groupChats: counters.groupChats, ...extra, mismatch, computedAt, refreshAt: now.getTime(),
  }
  if (basis === 'live') await write([{ ...mark, targets }])
  else {
    // The mark last: its presence says the targets beside it are complete.
    await write(targets)
    await write([mark])
  }
  return fromDocs(round, mark, targets)
}

/** Only one caller per TTL wins the claim to recompute; the others serve what is cached. */
async function claimRefresh(roundId: string, now: Date): Promise<boolean> {
  const _ = database().command
  const { updated } = (await results().where({ _id: markId(roundId, 'live'), refreshAt: _.lt(now.getTime() - LIVE_TTL_MS) }).update({ refreshAt: now.getTime() })) as { updated: number }
  return updated === 1
}

/**
 * A warm function instance keeps the live figures it last read for the same TTL, so a hundred
 * leaders polling one instance do not even read the cache documents; each instance of a scaled-out
 * function has its own copy, and the documents keep them within the TTL of each other.
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

async function readLive(doc: RoundDoc, now: Date): Promise<RoundFigures> {
  const { round } = doc
  const cached = await readDocs(doc._id, 'live', true)
  if (cached.mark && cached.mark.state === round.state && complete(round, cached.targets)) {
    const age = now.getTime() - Date.parse(cached.mark.computedAt)
    if (age < LIVE_TTL_MS || !(await claimRefresh(doc._id, now))) {
      // Written before one document held them all, the targets came whole.
      if (!cached.mark.targets) return fromDocs(round, cached.mark, cached.targets)
      // Served from the cache: now its targets whole (gone only if the round closed meanwhile).
      const { data } = await results().doc(markId(doc._id, 'live')).get()
      const mark = data[0] as MarkDoc | undefined
      if (mark?.targets) return fromDocs(round, mark, mark.targets)
    }
  }
  return compute(doc, round, 'live', now, null, undefined, cached)
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
  const cached = await readDocs(doc._id, doc.round.state === 'open' ? 'live' : 'stored')
  return cached.mark ? withStandings(doc, fromDocs(doc.round, cached.mark, cached.targets)) : null
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
