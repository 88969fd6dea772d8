/** @module Getting a round into group chats: channels, share paths, QR posters, live participation per channel. */
import { randomBytes, randomInt } from 'node:crypto'
import type { Participation } from '../../src/api/organize'
import { domainError, participation as countParticipation } from '../../src/core'
import { audit } from '../common/audit'
import { cloudbase, database } from '../common/cloudbase'
import { refuse } from '../common/refuse'
import { type Authority, authorize } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { changeRound } from '../common/rounds'
import { isDuplicate } from '../common/transaction'
import { distinctVoters } from '../common/voters'
import { MANAGE, READ } from './access'
import { roundCounters } from './counters'
import { managedRound } from './rounds'

/** WeChat allows 32 characters of scene; a short code stands for the round and the channel. */
const SCENE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'
const SCENE_PAGE = 'pages/index/index'

export const sharePath = (roundId: string, channelId: string) => `pages/round/index?roundId=${roundId}&channel=${channelId}`

export async function addChannel(auth: Authority, roundId: string, name: string, { caller, now }: HandlerContext) {
  const channel = { id: `ch-${randomBytes(3).toString('hex')}`, name }
  const { before: doc } = await changeRound(roundId, (doc) => {
    authorize(auth, MANAGE, doc.ownerUnitId)
    // A new channel changes nothing residents vote on, so it is allowed while the round is open.
    if (!['draft', 'open'].includes(doc.round.state)) refuse(domainError('ACTION_NOT_ALLOWED'))
    return { ...doc, round: { ...doc.round, channels: [...doc.round.channels, channel] } }
  })
  await audit(caller.openid, { action: 'addChannel', subject: roundId, unitId: doc.ownerUnitId, after: channel }, now)
  return { channel, path: sharePath(roundId, channel.id) }
}

async function sceneFor(roundId: string, channelId: string): Promise<string> {
  for (;;) {
    const scene = Array.from({ length: 8 }, () => SCENE_ALPHABET[randomInt(SCENE_ALPHABET.length)]).join('')
    try {
      await database().collection('scenes').add({ _id: scene, roundId, channelId })
      return scene
    } catch (e) {
      if (!isDuplicate(e)) throw e
    }
  }
}

export async function sharePoster(auth: Authority, roundId: string, channelId: string) {
  const doc = await managedRound(auth, roundId)
  if (!doc.round.channels.some((c) => c.id === channelId)) refuse(domainError('CHANNEL_UNKNOWN'))
  const scene = await sceneFor(roundId, channelId)
  const png = (await cloudbase().callCompatibleWxOpenApi({
    apiName: 'wxacode.getUnlimited',
    requestData: Buffer.from(JSON.stringify({ scene, page: SCENE_PAGE, check_path: false, width: 430 })),
  })) as unknown
  if (!Buffer.isBuffer(png)) throw new Error(`wxacode.getUnlimited failed: ${JSON.stringify(png)}`)
  const { fileID } = await cloudbase().uploadFile({ cloudPath: `posters/${roundId}/${channelId}-${scene}.png`, fileContent: png })
  const { fileList } = await cloudbase().getTempFileURL({ fileList: [fileID] })
  return { url: (fileList[0] as { tempFileURL: string }).tempFileURL, scene, path: `${SCENE_PAGE}?scene=${scene}` }
}

export async function participation(auth: Authority, roundId: string): Promise<Participation> {
  const { round } = await managedRound(auth, roundId, READ)
  const [counters, voters] = await Promise.all([roundCounters(roundId), distinctVoters(roundId)])
  return { ...countParticipation(round, counters.byTarget), groupChats: counters.groupChats, voters }
}
