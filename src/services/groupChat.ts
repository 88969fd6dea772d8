/**
 * @module The group chat a resident came from, for per-group participation counts. WeChat only
 * hands it over as a CloudID that the platform decodes for the cloud function; the app never
 * sees the group's id. H5 has no group chats.
 */
import Taro from '@tarojs/taro'

/** Scenes in which the mini-program was opened from a card in a group chat. */
const GROUP_SCENES = [1008, 1044]

export async function groupCloudId(): Promise<string | undefined> {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  if (!GROUP_SCENES.includes(Taro.getEnterOptionsSync().scene)) return undefined
  try {
    const res = (await Taro.getGroupEnterInfo({})) as { cloudID?: string }
    return res.cloudID
  } catch {
    return undefined
  }
}
