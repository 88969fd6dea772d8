/**
 * @module Mini-program codes (wxacode.getUnlimited). WeChat allows 32 characters of scene, so a short
 * scene stands for what the code leads to: a round's channel (poster) or a roster code (slip). One
 * scene per channel or code, kept: a poster or slip printed twice carries the same scene.
 */
import { cloudbase, database } from '../common/cloudbase'
import { keyedHash } from '../common/keyed'
import { isDuplicate } from '../common/transaction'

export const SCENE_PAGE = 'pages/index/index'

export type SceneTarget = { roundId: string; channelId: string } | { roundId: string; code: string }
export type SceneDoc = SceneTarget & { _id: string; poster?: { fileID: string; title: string; channelName: string } }

/**
 * The scene follows from what it stands for by a keyed hash (80 bits, unguessable without the server
 * secret), so two printings at once make one scene, never two.
 */
export async function sceneFor(target: SceneTarget): Promise<SceneDoc> {
  const what = 'channelId' in target ? `channel:${target.channelId}` : `code:${target.code}`
  const _id = keyedHash('scene', target.roundId, what).slice(0, 20)
  try {
    await database().collection('scenes').add({ _id, ...target })
    return { _id, ...target }
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
  const { data } = await database().collection('scenes').doc(_id).get()
  return data[0] as SceneDoc
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
