/** @module channelWords — how the ways ballots came in are named on pages and in printed tables (no imports: the dashboard subpackage reads it). */
export const SUBTOTAL_NAMES = { online: '网上', meeting: '会场', paper: '纸质票' } as const

/** What a printed count of 废票 and 空白票 says about them. */
export const UNUSABLE_NOTE = '废票、空白票是无法计入的纸质评价表，不计入票数和满意率'
