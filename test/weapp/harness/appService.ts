/**
 * @module WeChat's logic layer for the built bundle: a `node:vm` context holding only what the
 * mini-program script environment has (`wx`, `App`, `Page`, `Component`, `getApp`,
 * `getCurrentPages`, timers, `console`) and a per-file `require` that resolves relative to the file,
 * fails on a missing one and keeps subpackages apart. There is no `process`, `window`, `document`
 * or `fetch`, and each file sees those browser names as undefined, as WeChat's `define` wrapper does.
 */
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

export interface Registrations {
  App(options: Record<string, unknown>): void
  Page(options: Record<string, unknown>): void
  Component(options: Record<string, unknown>): void
  getApp(): unknown
  getCurrentPages(): unknown[]
}

/** Names WeChat's `define` passes to every file as undefined parameters. */
const HIDDEN = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'Caches', 'screen', 'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'Reporter', 'webkit', 'WeixinJSCore']

export function createAppService(root: string, wx: unknown, api: Registrations, onError: (e: unknown) => void, subpackages: string[]) {
  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args)
      } catch (e) {
        onError(e)
      }
    }
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const context = vm.createContext({
    wx,
    App: api.App,
    Page: api.Page,
    Component: api.Component,
    Behavior: (options: unknown) => options,
    getApp: api.getApp,
    getCurrentPages: api.getCurrentPages,
    console,
    setTimeout: (fn: () => void, ms?: number, ...args: unknown[]) => {
      const t = setTimeout(guard(() => (timers.delete(t), fn(...(args as [])))), ms)
      timers.add(t)
      return t
    },
    clearTimeout: (t: ReturnType<typeof setTimeout>) => (timers.delete(t), clearTimeout(t)),
    setInterval: (fn: () => void, ms?: number) => {
      const t = setInterval(guard(fn), ms)
      timers.add(t)
      return t
    },
    clearInterval: (t: ReturnType<typeof setInterval>) => (timers.delete(t), clearInterval(t)),
  })
  const modules = new Map<string, { exports: unknown }>()
  const packageOf = (file: string) => subpackages.find((r) => file.startsWith(`${r}/`))

  function load(file: string): unknown {
    const cached = modules.get(file)
    if (cached) return cached.exports
    const source = fs.readFileSync(path.join(root, file), 'utf8')
    const module = { exports: {} as unknown }
    modules.set(file, module)
    const wrapped = vm.runInContext(`(function (require, module, exports, ${HIDDEN.join(', ')}) {${source}\n})`, context, { filename: file }) as (...args: unknown[]) => void
    wrapped(requireFrom(file), module, module.exports)
    return module.exports
  }

  function requireFrom(from: string) {
    return (request: string) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), request.endsWith('.js') ? request : `${request}.js`))
      if (target.startsWith('..') || !fs.existsSync(path.join(root, target))) throw new Error(`module "${target}" is not defined (required from ${from})`)
      const theirs = packageOf(target)
      if (theirs && theirs !== packageOf(from)) throw new Error(`module "${target}" is in subpackage ${theirs}, out of reach of ${from}`)
      return load(target)
    }
  }

  return {
    /** Runs a file of the build as WeChat injects it (app.js, a page's js). */
    run: (file: string) => load(file),
    /** A value as the logic layer's own objects (what arrives over WeChat's bridge is JSON). */
    json: (value: unknown): unknown => (value === undefined ? undefined : (vm.runInContext("JSON.parse", context) as (s: string) => unknown)(JSON.stringify(value))),
    close: () => {
      for (const t of timers) clearTimeout(t)
      timers.clear()
    },
  }
}
