/**
 * @module The mini-program as WeChat runs it, for tests: the built bundle in the logic layer
 * (appService), templates drawn by wcc (templates), a strict `wx` (wx), and cloud functions run on
 * the embedded CloudBase with the WX_OPENID of the identity the test chose.
 */
import fs from 'node:fs'
import path from 'node:path'
import { FUNCTIONS } from '../../../local/functions'
import { functionContext, LOCAL_APPID } from '../../../local/gateway'
import type { Runtime } from '../../../local/runtime'
import { createAppService } from './appService'
import { type Templates, type ViewNode } from './templates'
import { createWx, type WxAnswers } from './wx'
import { clientMayWrite } from '../../../cloudfunctions/common/storageRule'

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string }[] }
}

interface PageInstance extends Record<string, unknown> {
  route: string
  options: Record<string, string>
  data: Record<string, unknown>
  setData(patch: Record<string, unknown>, callback?: () => void): void
}

export interface LaunchOptions {
  root: string
  templates: Templates
  runtime: Runtime
  /** Dev persona (or `voter-<n>`) whose openid WeChat's server would attach; none: a call without identity. */
  persona?: string
  /** The page WeChat opens, with its query as in a share card's path: `pages/ballot/index?roundId=…`. */
  path: string
  scene?: number
  answers?: Partial<WxAnswers>
}

/** WeChat's setData path syntax: `root.cn.[0].cn[2].v`. */
function applyPath(data: Record<string, unknown>, key: string, value: unknown) {
  const parts = [...key.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]))
  let at: Record<string | number, unknown> = data
  parts.slice(0, -1).forEach((part, i) => {
    if (at[part] === null || typeof at[part] !== 'object') at[part] = typeof parts[i + 1] === 'number' ? [] : {}
    at = at[part] as Record<string | number, unknown>
  })
  at[parts[parts.length - 1]] = value
}

function parseUrl(url: string, from?: string) {
  const [rawPath, search = ''] = url.split('?')
  const route = rawPath.startsWith('/') ? rawPath.slice(1) : path.posix.join(path.posix.dirname(from ?? ''), rawPath)
  // WeChat's own parsing: values stay percent-encoded (pages decode them), a value ends at its next
  // `=` (`code=3==x` gives "3"), and a key without `=` gets the string "undefined".
  const query = Object.fromEntries(search.split('&').filter(Boolean).map((pair) => [pair.split('=')[0], pair.split('=')[1] ?? 'undefined']))
  return { route: path.posix.normalize(route), query }
}

function textOf(node: ViewNode | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('')
}

export async function launch(options: LaunchOptions) {
  const app = JSON.parse(fs.readFileSync(path.join(options.root, 'app.json'), 'utf8')) as AppJson
  const subpackages = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const known = new Set([...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))])
  const errors: unknown[] = []
  const violations: string[] = []
  const stack: PageInstance[] = []
  let appInstance: Record<string, unknown> | undefined
  let pendingPage: Record<string, unknown> | undefined
  const openid = options.persona ? options.runtime.login.openidOf(options.persona) : undefined
  const first = parseUrl(options.path)
  const answers: WxAnswers = {
    scene: options.scene ?? 1001,
    query: first.query,
    path: first.route,
    albumAllowed: true,
    modalConfirm: true,
    systemInfo: { platform: 'android', system: 'Android 14', version: '8.0.50', SDKVersion: '3.6.0', brand: 'harness', model: 'harness', pixelRatio: 2, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 700, statusBarHeight: 24, language: 'zh_CN', theme: 'light', safeArea: { left: 0, right: 375, top: 24, bottom: 812, width: 375, height: 788 } },
    ...options.answers,
  }
  const onError = (e: unknown) => errors.push(e)
  // A promise the bundle leaves rejected needs no collecting here: jest fails the running test with it.

  const fake = createWx(
    {
      onViolation: (m) => violations.push(m),
      guard: (fn) => void call(fn, undefined),
      navigate: (kind, o) => navigate(kind, o),
      callFunction: (name, data, openData) => track(invokeFunction(name, data, openData)),
      uploadFile: async (cloudPath, bytes) => {
        const storage = options.runtime.cloudbase.storage
        if (!clientMayWrite(openid, cloudPath, storage.ownerOf(cloudPath))) throw new Error('permission denied')
        storage.write(cloudPath, bytes, openid)
        return storage.uploadMetadata({ path: cloudPath }).data.fileId
      },
    },
    answers,
  )

  /** Cloud calls still running: closing waits for them, as the runtime cannot stop under a call. */
  const inFlight = new Set<Promise<unknown>>()
  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work)
    void work.catch(() => undefined).finally(() => inFlight.delete(work))
    return work
  }
  async function invokeFunction(name: string, data: Record<string, unknown>, openData: Record<string, unknown>): Promise<unknown> {
    const main = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined
    if (!main) throw new Error(`FunctionName parameter could not be found (${name})`)
    const event = { ...JSON.parse(JSON.stringify(data)), ...openData, userInfo: { appId: LOCAL_APPID, openId: openid } }
    const extra: Record<string, string> = Object.keys(openData).length ? { WX_OPEN_DATA_INFO: JSON.stringify({ keys: Object.keys(openData) }) } : {}
    const result = await main(event, functionContext(name, openid, extra))
    // Across the wire the answer is JSON, arriving as the logic layer's own objects.
    return service.json(result)
  }

  const service = createAppService(
    options.root,
    fake.wx,
    {
      App: (o) => void (appInstance = o),
      Page: (o) => void (pendingPage = o),
      Component: () => undefined,
      getApp: () => appInstance,
      getCurrentPages: () => [...stack],
    },
    onError,
    subpackages,
  )

  function instantiate(route: string, query: Record<string, string>): PageInstance {
    if (!known.has(route)) throw new Error(`navigateTo:fail page "${route}" is not found`)
    pendingPage = undefined
    service.run(`${route}.js`)
    const config = pendingPage as Record<string, unknown> | undefined
    if (!config) throw new Error(`${route}.js did not call Page()`)
    const instance = Object.create(null) as PageInstance
    for (const [k, v] of Object.entries(config)) if (k !== 'data') instance[k] = v
    Object.assign(instance, {
      route,
      __route__: route,
      options: query,
      data: JSON.parse(JSON.stringify(config.data ?? {})),
      setData(patch: Record<string, unknown>, callback?: () => void) {
        for (const [key, value] of Object.entries(patch)) applyPath(instance.data, key, value)
        if (callback) setTimeout(() => call(callback, instance), 0)
      },
    })
    return instance
  }

  function call(fn: unknown, self: unknown, ...args: unknown[]) {
    try {
      if (typeof fn === 'function') return (fn as (...a: unknown[]) => unknown).apply(self, args)
    } catch (e) {
      errors.push(e)
    }
    return undefined
  }

  function open(route: string, query: Record<string, string>) {
    const page = instantiate(route, query)
    stack.push(page)
    call(page.onLoad, page, { ...query })
    call(page.onShow, page)
    setTimeout(() => call(page.onReady, page), 0)
    return page
  }

  function unload(page: PageInstance) {
    call(page.onUnload, page)
  }

  function navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack', o: Record<string, unknown>) {
    const current = stack[stack.length - 1]
    if (kind === 'navigateBack') {
      const delta = Math.max(1, Number(o.delta ?? 1))
      if (stack.length <= 1) throw new Error('navigateBack:fail cannot navigate back at first page.')
      for (let i = 0; i < delta && stack.length > 1; i++) unload(stack.pop()!)
      call(stack[stack.length - 1].onShow, stack[stack.length - 1])
      return
    }
    const { route, query } = parseUrl(String(o.url), current?.route)
    const tabs = (app.tabBar?.list ?? []).map((t) => t.pagePath)
    if ((kind === 'switchTab') !== tabs.includes(route)) throw new Error(`${kind}:fail can not ${kind === 'switchTab' ? 'switch to no-tabBar' : 'navigate to a tabbar'} page`)
    if (kind === 'navigateTo') {
      if (current) call(current.onHide, current)
      if (stack.length >= 10) throw new Error('navigateTo:fail webview count limit exceed')
    } else if (kind === 'redirectTo') {
      if (current) unload(stack.pop()!)
    } else {
      while (stack.length) unload(stack.pop()!)
    }
    open(route, query)
  }

  service.run('app.js')
  if (!appInstance) throw new Error('app.js did not call App()')
  const launchOptions = { path: first.route, query: { ...first.query }, scene: answers.scene, referrerInfo: {} }
  call(appInstance.onLaunch, appInstance, launchOptions)
  call(appInstance.onShow, appInstance, launchOptions)
  open(first.route, first.query)

  const current = () => {
    const page = stack[stack.length - 1]
    if (!page) throw new Error('no page is open')
    return page
  }
  const renderWarnings: string[] = []
  const view = () => {
    const { tree, warnings } = options.templates.render(current().route, current().data)
    for (const w of warnings) renderWarnings.push(`${current().route}: ${w}`)
    return tree
  }

  /** A drawn node with its ancestors, outermost first (events bubble through them). */
  interface Located {
    node: ViewNode
    trail: ViewNode[]
  }
  function findAll(node: ViewNode, test: (n: ViewNode) => boolean, trail: ViewNode[] = [], out: Located[] = []): Located[] {
    if (test(node)) out.push({ node, trail })
    for (const c of node.children) if (typeof c !== 'string') findAll(c, test, [...trail, node], out)
    return out
  }
  /** The innermost nodes whose text contains `text` (one per place it appears). */
  function byText(text: string | RegExp): Located[] {
    const matches = (n: ViewNode) => (typeof text === 'string' ? textOf(n).includes(text) : text.test(textOf(n)))
    return findAll(view(), (n) => matches(n) && !n.children.some((c) => typeof c !== 'string' && matches(c)))
  }
  function eventFor(type: string, node: ViewNode, detail: Record<string, unknown>) {
    const dataset = Object.fromEntries(Object.entries(node.attr).filter(([k]) => k.startsWith('data-')).map(([k, v]) => [k.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), v]))
    const target = { id: node.attr.id, dataset }
    return service.json({ type, timeStamp: Date.now(), target, currentTarget: target, detail, touches: [], changedTouches: [] })
  }
  /** Fires `type` at the nearest node (from `at` up) that binds it, through the handler Taro bound there (its `eh`). */
  function fire({ node, trail }: Located, type: string, detail: Record<string, unknown>) {
    const bound = [...trail, node].reverse().find((n) => typeof n.attr[`bind${type}`] === 'string' || typeof n.attr[`catch${type}`] === 'string')
    if (!bound) throw new Error(`nothing binds ${type} at "${textOf(node).slice(0, 40)}"`)
    const handler = String(bound.attr[`bind${type}`] ?? bound.attr[`catch${type}`])
    const page = current()
    if (typeof page[handler] !== 'function') throw new Error(`page ${page.route} has no handler ${handler}`)
    call(page[handler], page, eventFor(type, bound, detail))
  }

  return {
    wx: fake,
    errors,
    violations,
    /** What WeChat's template runtime complained of while drawing (e.g. a node whose template does not exist). */
    renderWarnings,
    get page() {
      return current()
    },
    pages: () => stack.map((p) => ({ route: p.route, options: p.options })),
    text: () => textOf(view()),
    /** Polls until the open page shows `text` (rendering is asynchronous, as in WeChat). */
    async waitForText(text: string | RegExp, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs
      for (;;) {
        const shown = textOf(view())
        if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown
        if (errors.length) throw new Error(`uncaught in the mini-program while waiting for "${String(text)}": ${String((errors[0] as Error)?.stack ?? errors[0])}`)
        if (violations.length) throw new Error(`the mini-program used what WeChat lacks: ${violations.join('; ')}`)
        if (Date.now() > until) throw new Error(`"${String(text)}" never appeared on ${current().route}; it shows:\n${shown.slice(0, 1500)}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    /** Polls until `ready()` holds (for what text alone does not show, e.g. a button enabled again). */
    async waitFor(ready: () => boolean, what: string, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs
      while (!ready()) {
        if (errors.length) throw new Error(`uncaught in the mini-program while waiting for ${what}: ${String((errors[0] as Error)?.stack ?? errors[0])}`)
        if (Date.now() > until) throw new Error(`${what} never happened on ${current().route}; it shows:\n${textOf(view()).slice(0, 1500)}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    /** The user presses the back button of the navigation bar. */
    back: () => navigate('navigateBack', {}),
    /** Polls until the open page no longer shows `text`. */
    async waitForTextGone(text: string, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs
      while (textOf(view()).includes(text)) {
        if (Date.now() > until) throw new Error(`"${text}" is still on ${current().route}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    tap(text: string | RegExp, index = 0) {
      const hit = byText(text)[index]
      if (!hit) throw new Error(`no "${String(text)}" on ${current().route} to tap`)
      fire(hit, 'tap', { x: 0, y: 0 })
    },
    /** Types into the input or textarea whose placeholder is `placeholder`. */
    input(placeholder: string, value: string) {
      const field = findAll(view(), (n) => (n.tag === 'wx-input' || n.tag === 'wx-textarea') && n.attr.placeholder === placeholder)[0]
      if (!field) throw new Error(`no field with placeholder "${placeholder}" on ${current().route}`)
      fire(field, 'input', { value, cursor: value.length, keyCode: 0 })
    },
    find: (test: (n: ViewNode) => boolean) => findAll(view(), test).map((l) => l.node),
    async close() {
      while (stack.length) unload(stack.pop()!)
      service.close()
      while (inFlight.size) await Promise.allSettled([...inFlight])
      fake.close()
    },
  }
}

export type MiniProgram = Awaited<ReturnType<typeof launch>>
