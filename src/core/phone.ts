/** @module phone — a mainland mobile number as people write it in a sheet: spaces, dashes, +86. */

/** The 11 digits of a mainland mobile number, or null when the text is not one. */
export function mobileNumber(text: string): string | null {
  const digits = text.replace(/[\s\-()（）]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, '')
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null
}

/** Why a phone cell is refused, naming what was written. */
export const phoneProblem = (text: string) => `手机号码“${text}”不正确，应为 11 位手机号`
