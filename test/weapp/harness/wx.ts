/**
 * @module A `wx` with teeth. Only names of WeChat's `interface Wx` exist: reading another fails the
 * test. APIs the product relies on behave as WeChat's do (callbacks and promises, `errMsg`s,
 * `wx.cloud` refusing calls before `init`); a real API the harness does not simulate throws when
 * called rather than pretending. Every call is recorded for assertions.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WX_API_NAMES, WX_CLOUD_NAMES } from './wxNames'

export interface WxCall {
  api: string
  options: Record<string, unknown>
}

/** What the platform would answer a cloud function call with (the embedded CloudBase does the work). */
export type CloudCall = (name: string, data: Record<string, unknown>, openData: Record<string, unknown>) => Promise<unknown>

export interface WxHooks {
  /** The bundle read a name WeChat's `wx` does not have. */
  onViolation(message: string): void
  /** Runs mini-program code called back from the harness, recording what it throws as uncaught. */
  guard(fn: () => void): void
  navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack', options: Record<string, unknown>): void
  callFunction: CloudCall
  /** What WeChat does with `wx.cloud.uploadFile`: stores the file as the signed-in person, judged by the storage rule; answers its fileID. */
  uploadFile(cloudPath: string, bytes: Buffer): Promise<string>
}

/** How the user (or WeChat) answers prompts; tests change these before acting. */
export interface WxAnswers {
  scene: number
  query: Record<string, string>
  path: string
  /** cloudID handed out by getGroupEnterInfo, and the open data WeChat decodes it into. */
  group?: { cloudID: string; openGId: string }
  /** Whether the user lets the mini-program write to the album. */
  albumAllowed: boolean
  /** The photos picked in chooseMedia (none: the user cancels). */
  media?: Buffer[]
  /** The file picked in chooseMessageFile. */
  messageFile?: { name: string; bytes: Buffer }
  modalConfirm: boolean
  systemInfo: Record<string, unknown>
}

class WxError extends Error {
  constructor(readonly errMsg: string) {
    super(errMsg)
  }
}

export function createWx(hooks: WxHooks, answers: WxAnswers) {
  const calls: WxCall[] = []
  const storage = new Map<string, unknown>()
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-wx-'))
  const tempFiles = new Map<string, string>()
  let tempCount = 0
  let cloudEnv: Record<string, unknown> | undefined
  const slots: Record<string, unknown> = {}

  const saveTemp = (bytes: Buffer, ext: string) => {
    const name = `http://tmp/wx${++tempCount}${ext}`
    const file = path.join(tempDir, `${tempCount}${ext}`)
    fs.writeFileSync(file, bytes)
    tempFiles.set(name, file)
    return name
  }
  /** WeChat's user folder: a download may be kept there under a name of the page's choosing. */
  const USER_DATA_PATH = 'wxfile://usr'
  const saveAt = (filePath: string, bytes: Buffer) => {
    if (!filePath.startsWith(`${USER_DATA_PATH}/`)) throw new WxError(`permission denied, open ${filePath}`)
    const file = path.join(tempDir, `user-${++tempCount}${path.extname(filePath)}`)
    fs.writeFileSync(file, bytes)
    tempFiles.set(filePath, file)
    return filePath
  }
  const readTemp = (name: unknown) => {
    const file = typeof name === 'string' ? tempFiles.get(name) : undefined
    if (!file) throw new WxError(`no such file or directory ${String(name)}`)
    return fs.readFileSync(file)
  }

  /** WeChat's calling convention: success/fail/complete callbacks, or a promise when none is given. */
  function async<T>(api: string, work: (o: Record<string, unknown>) => T | Promise<T>) {
    return (options: Record<string, unknown> = {}) => {
      calls.push({ api, options })
      const { success, fail, complete } = options as Record<string, ((r: unknown) => void) | undefined>
      const done = Promise.resolve()
        .then(() => work(options))
        .then(
          (r) => ({ ok: true as const, value: { errMsg: `${api}:ok`, ...(r as object) } }),
          (e: unknown) => ({ ok: false as const, value: { errMsg: `${api}:fail ${e instanceof WxError ? e.errMsg : String(e)}` } }),
        )
      if (success || fail || complete) {
        void done.then((r) => {
          hooks.guard(() => (r.ok ? success : fail)?.(r.value))
          hooks.guard(() => complete?.(r.value))
        })
        return undefined
      }
      return done.then((r) => (r.ok ? r.value : Promise.reject(r.value)))
    }
  }
  function sync<T>(api: string, work: (...args: unknown[]) => T) {
    return (...args: unknown[]) => {
      calls.push({ api, options: { args } })
      return work(...args)
    }
  }
  const recorded = (api: string) => async(api, () => ({}))

  const systemInfo = () => ({ ...answers.systemInfo })
  const cloud = {
    init: sync('cloud.init', (config?: unknown) => {
      cloudEnv = (config ?? {}) as Record<string, unknown>
    }),
    CloudID: (cloudID: string) => new CloudID(cloudID),
    callFunction: async('cloud.callFunction', async (o) => {
      if (!cloudEnv) throw new WxError('Cloud API isn\'t enabled, please call wx.cloud.init first')
      const data = (o.data ?? {}) as Record<string, unknown>
      // WeChat decodes top-level CloudIDs into open data before the function sees the event.
      const openData: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(data)) {
        if (value instanceof CloudID) {
          if (!answers.group || value.cloudID !== answers.group.cloudID) throw new WxError(`cloudID ${value.cloudID} is invalid`)
          openData[key] = { cloudID: value.cloudID, data: { openGId: answers.group.openGId } }
        }
      }
      return { result: await hooks.callFunction(String(o.name), data, openData), requestID: `req-${calls.length}` }
    }),
    uploadFile: async('cloud.uploadFile', async (o) => {
      if (!cloudEnv) throw new WxError('Cloud API isn\'t enabled, please call wx.cloud.init first')
      return { fileID: await hooks.uploadFile(String(o.cloudPath), readTemp(o.filePath)), statusCode: 200 }
    }),
  }
  class CloudID {
    constructor(readonly cloudID: string) {}
  }

  const impl: Record<string, unknown> = {
    cloud: strictObject('wx.cloud', cloud, WX_CLOUD_NAMES, hooks),
    canIUse: sync('canIUse', () => true),
    getSystemInfoSync: sync('getSystemInfoSync', systemInfo),
    getSystemInfo: async('getSystemInfo', systemInfo),
    getWindowInfo: sync('getWindowInfo', systemInfo),
    getDeviceInfo: sync('getDeviceInfo', systemInfo),
    getAppBaseInfo: sync('getAppBaseInfo', systemInfo),
    getMenuButtonBoundingClientRect: sync('getMenuButtonBoundingClientRect', () => ({ width: 87, height: 32, top: 24, right: 368, bottom: 56, left: 281 })),
    getEnterOptionsSync: sync('getEnterOptionsSync', () => ({ scene: answers.scene, query: { ...answers.query }, path: answers.path, referrerInfo: {} })),
    getLaunchOptionsSync: sync('getLaunchOptionsSync', () => ({ scene: answers.scene, query: { ...answers.query }, path: answers.path, referrerInfo: {} })),
    getGroupEnterInfo: async('getGroupEnterInfo', () => {
      if (![1008, 1044].includes(answers.scene) || !answers.group) throw new WxError('not opened from a group chat')
      return { cloudID: answers.group.cloudID, encryptedData: 'x', iv: 'x' }
    }),
    getStorageSync: sync('getStorageSync', (key) => (storage.has(String(key)) ? storage.get(String(key)) : '')),
    setStorageSync: sync('setStorageSync', (key, value) => void storage.set(String(key), JSON.parse(JSON.stringify(value)))),
    removeStorageSync: sync('removeStorageSync', (key) => void storage.delete(String(key))),
    showToast: recorded('showToast'),
    hideToast: recorded('hideToast'),
    showLoading: recorded('showLoading'),
    hideLoading: recorded('hideLoading'),
    showModal: async('showModal', () => ({ confirm: answers.modalConfirm, cancel: !answers.modalConfirm })),
    setNavigationBarTitle: recorded('setNavigationBarTitle'),
    setNavigationBarColor: recorded('setNavigationBarColor'),
    stopPullDownRefresh: recorded('stopPullDownRefresh'),
    pageScrollTo: recorded('pageScrollTo'),
    showShareMenu: recorded('showShareMenu'),
    hideShareMenu: recorded('hideShareMenu'),
    setClipboardData: recorded('setClipboardData'),
    vibrateShort: recorded('vibrateShort'),
    nextTick: sync('nextTick', (fn) => void Promise.resolve().then(() => hooks.guard(fn as () => void))),
    onAppShow: sync('onAppShow', () => undefined),
    onAppHide: sync('onAppHide', () => undefined),
    offAppShow: sync('offAppShow', () => undefined),
    offAppHide: sync('offAppHide', () => undefined),
    navigateTo: async('navigateTo', (o) => hooks.navigate('navigateTo', o)),
    redirectTo: async('redirectTo', (o) => hooks.navigate('redirectTo', o)),
    reLaunch: async('reLaunch', (o) => hooks.navigate('reLaunch', o)),
    switchTab: async('switchTab', (o) => hooks.navigate('switchTab', o)),
    navigateBack: async('navigateBack', (o) => hooks.navigate('navigateBack', o)),
    downloadFile: async('downloadFile', async (o) => {
      const res = await fetch(String(o.url))
      const bytes = Buffer.from(await res.arrayBuffer())
      if (typeof o.filePath === 'string') return { statusCode: res.status, filePath: saveAt(o.filePath, bytes) }
      const ext = path.extname(new URL(String(o.url)).pathname) || '.bin'
      return { statusCode: res.status, tempFilePath: saveTemp(bytes, ext) }
    }),
    env: { USER_DATA_PATH },
    openDocument: async('openDocument', (o) => {
      if (!['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'].includes(String(o.fileType))) throw new WxError(`fileType ${String(o.fileType)} not supported`)
      readTemp(o.filePath)
      return {}
    }),
    saveImageToPhotosAlbum: async('saveImageToPhotosAlbum', (o) => {
      readTemp(o.filePath)
      if (!answers.albumAllowed) throw new WxError('auth deny')
      return {}
    }),
    getSetting: async('getSetting', () => ({ authSetting: { 'scope.writePhotosAlbum': answers.albumAllowed } })),
    openSetting: async('openSetting', () => ({ authSetting: { 'scope.writePhotosAlbum': answers.albumAllowed } })),
    chooseMedia: async('chooseMedia', (o) => {
      if (!answers.media?.length) throw new WxError('cancel')
      return { type: 'image', tempFiles: answers.media.slice(0, Number(o.count ?? 9)).map((bytes) => ({ tempFilePath: saveTemp(bytes, '.jpg'), size: bytes.length, fileType: 'image' })) }
    }),
    // The photo as compressed: a new temporary file (the harness keeps the bytes).
    compressImage: async('compressImage', (o) => ({ tempFilePath: saveTemp(readTemp(o.src), '.jpg') })),
    chooseMessageFile: async('chooseMessageFile', () => {
      if (!answers.messageFile) throw new WxError('cancel')
      const { name, bytes } = answers.messageFile
      return { tempFiles: [{ path: saveTemp(bytes, path.extname(name)), name, size: bytes.length, type: 'file', time: 0 }] }
    }),
    getFileSystemManager: sync('getFileSystemManager', () => ({
      readFile: async('FileSystemManager.readFile', (o) => {
        const bytes = readTemp(o.filePath)
        return { data: o.encoding === 'base64' ? bytes.toString('base64') : o.encoding ? bytes.toString(o.encoding as BufferEncoding) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) }
      }),
    })),
  }
  for (const name of Object.keys(impl)) if (!WX_API_NAMES.has(name)) throw new Error(`the harness simulates wx.${name}, which WeChat does not have`)

  const wx: Record<string, unknown> = new Proxy(impl, {
    get(target, key) {
      if (typeof key !== 'string') return undefined
      if (Object.hasOwn(slots, key)) return slots[key]
      if (Object.hasOwn(target, key)) return target[key]
      if (WX_API_NAMES.has(key)) return notSimulated(`wx.${key}`)
      if (key in Object.prototype) return Reflect.get(target, key)
      // The bundler keeps its chunk list on `wx` (globalObject); it reads the slot before writing it.
      if (key === 'webpackJsonp') return undefined
      hooks.onViolation(`wx.${key} is not a WeChat API (not in miniprogram-api-typings' interface Wx)`)
      return undefined
    },
    set(_target, key, value) {
      if (typeof key === 'string') slots[key] = value
      return true
    },
    has: (_target, key) => typeof key === 'string' && (WX_API_NAMES.has(key) || Object.hasOwn(slots, key)),
    ownKeys: () => [...WX_API_NAMES, ...Object.keys(slots)],
    getOwnPropertyDescriptor: (_target, key): PropertyDescriptor | undefined =>
      typeof key === 'string' && (WX_API_NAMES.has(key) || Object.hasOwn(slots, key)) ? { configurable: true, enumerable: true, writable: true, value: wx[key as string] } : undefined,
  })

  return {
    wx,
    calls,
    /** The options `wx.cloud.init` received; undefined until it runs. */
    cloudInit: () => cloudEnv,
    readTemp,
    close: () => fs.rmSync(tempDir, { recursive: true, force: true }),
  }
}

function notSimulated(name: string) {
  return () => {
    throw new Error(`${name} is a WeChat API this harness does not simulate; simulate it in test/weapp/harness/wx.ts`)
  }
}

function strictObject(label: string, impl: Record<string, unknown>, names: Set<string>, hooks: WxHooks) {
  return new Proxy(impl, {
    get(target, key) {
      if (typeof key !== 'string') return undefined
      if (Object.hasOwn(target, key)) return target[key]
      if (names.has(key)) return notSimulated(`${label}.${key}`)
      if (key in Object.prototype) return Reflect.get(target, key)
      hooks.onViolation(`${label}.${key} is not a WeChat API`)
      return undefined
    },
  })
}

export type FakeWx = ReturnType<typeof createWx>
