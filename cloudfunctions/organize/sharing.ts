/** @module Getting a round into group chats: channels, share paths, QR posters, live participation per channel. */
import { randomBytes } from 'node:crypto'
import type { Participation } from '../../src/api/organize'
import { channelKind, domainError, participation as countParticipation } from '../../src/core'
import { audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { storedUrl, tempUrl } from '../common/print'
import { refuse } from '../common/refuse'
import { type Authority, authorize } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { changeRound } from '../common/rounds'
import { distinctVoters } from '../common/voters'
import { MANAGE, READ } from './access'
import { roundCounters } from './counters'
import { drawPoster } from './poster'
import { managedRound } from './rounds'
import { miniProgramCode, SCENE_PAGE, sceneFor } from './scenes'

export const sharePath = (roundId: string, channelId: string) => `pages/round/index?roundId=${roundId}&channel=${channelId}`

export async function addChannel(auth: Authority, roundId: string, name: string, { caller, now }: HandlerContext) {
  const channel = { id: `ch-${randomBytes(3).toString('hex')}`, name }
  const { before: doc } = await changeRound(roundId, (doc) => {
    authorize(auth, MANAGE, doc.ownerUnitId)
    // A new channel changes nothing residents vote on, so it is allowed while the round is open.
    if (!['draft', 'open'].includes(doc.round.state)) refuse(domainError('ACTION_NOT_ALLOWED'))
    return { ...doc, round: { ...doc.round, channels: [...doc.round.channels, channel] } }
  }, { auth, allowed: MANAGE })
  await audit(caller.openid, { action: 'addChannel', subject: roundId, unitId: doc.ownerUnitId, after: channel }, now)
  return { channel, path: sharePath(roundId, channel.id) }
}

/**
 * The channel's poster, drawn once and kept with its scene: asked again, it is the same file, redrawn
 * only when the round's title or the channel's name has changed since.
 */
export async function sharePoster(auth: Authority, roundId: string, channelId: string) {
  const doc = await managedRound(auth, roundId)
  const channel = doc.round.channels.find((c) => c.id === channelId && channelKind(c) === 'share') ?? refuse(domainError('CHANNEL_UNKNOWN'))
  const scene = await sceneFor({ roundId, channelId })
  const wanted = { title: doc.round.title, channelName: channel.name }
  let fileID = scene.poster?.title === wanted.title && scene.poster.channelName === wanted.channelName ? scene.poster.fileID : null
  if (!fileID) {
    const png = await drawPoster({ ...wanted, qr: await miniProgramCode(scene._id, 720) })
    ;({ fileID } = await storedUrl(`posters/${roundId}/${channelId}-${randomBytes(4).toString('hex')}.png`, png))
    await database().collection('scenes').doc(scene._id).update({ poster: { fileID, ...wanted } })
  }
  return { url: await tempUrl(fileID), scene: scene._id, path: `${SCENE_PAGE}?scene=${scene._id}` }
}

export async function participation(auth: Authority, roundId: string): Promise<Participation> {
  const { round } = await managedRound(auth, roundId, READ)
  const [counters, voters] = await Promise.all([roundCounters(roundId), distinctVoters(roundId)])
  return { ...countParticipation(round, counters.byTarget, round.targets, counters.unusable), groupChats: counters.groupChats, voters }
}
