/**
 * @module Asking for 整改 reminders the way WeChat allows: one-time subscriptions, requested from a
 * tap (so this must run in the tap's handler before anything is awaited), at most 3 templates per
 * request. Each template the person accepts lets the server send them one message; the server counts.
 * A browser has no WeChat to subscribe with, so there it asks nothing.
 */
import Taro from '@tarojs/taro'
import { call } from './api'

export function askForReminders(templateIds: readonly string[]): Promise<void> {
  if (process.env.TARO_ENV === 'h5' || templateIds.length === 0) return Promise.resolve()
  // Taro's typing demands entityIds too (AtLeastOne gone wrong); WeChat's own API takes tmplIds alone.
  return Taro.requestSubscribeMessage({ tmplIds: templateIds.slice(0, 3) } as unknown as Taro.requestSubscribeMessage.Option)
    .then(async (answer) => {
      const accepted = templateIds.filter((id) => (answer as unknown as Record<string, string>)[id] === 'accept')
      if (accepted.length > 0) await call('organize', 'subscribe', { accepted })
    })
    // Declined, or the user turned subscriptions off: the work goes on; the to-do badge stands in.
    .catch(() => undefined)
}
