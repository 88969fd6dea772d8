/**
 * @module Mini-program codes (wxacode.getUnlimited). WeChat allows 32 characters of scene, so a short
 * random scene stands for what the code leads to: a round's channel (poster) or a roster code (slip).
 * One scene per channel or code, kept: a poster or slip printed twice carries the same scene.
 */
import { randomInt } from 'node:crypto'
import { cloudbase, database } from '../common/cloudbase'
import { isDuplicate } from '../common/transaction'

const SCENE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'
export const SCENE_PAGE = 'pages/index/index'

export type SceneTarget = { roundId: string; channelId: string } | { roundId: string; code: string }
export type SceneDoc = SceneTarget & { _id: string; poster?: { fileID: string; title: string; channelName: string } }

export async function sceneFor(target: SceneTarget): Promise<SceneDoc> {
  const { data } = await database().collection('scenes').where(target).limit(1).get()
  if (data[0]) return data[0] as SceneDoc
  for (;;) {
    const _id = Array.from({ length: 8 }, () => SCENE_ALPHABET[randomInt(SCENE_ALPHABET.length)]).join('')
    try {
      await database().collection('scenes').add({ _id, ...target })
      return { _id, ...target }
    } catch (e) {
      if (!isDuplicate(e)) throw e
    }
  }
}

/** The mini-program code's PNG for a scene, opening the home page that resolves it. */
export async function miniProgramCode(scene: string, width: number): Promise<Buffer> {
  const png = (await cloudbase().callCompatibleWxOpenApi({
    apiName: 'wxacode.getUnlimited',
    requestData: Buffer.from(JSON.stringify({ scene, page: SCENE_PAGE, check_path: false, width })),
  })) as unknown
  if (!Buffer.isBuffer(png)) throw new Error(`wxacode.getUnlimited failed: ${JSON.stringify(png)}`)
  return png
}
