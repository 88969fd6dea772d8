/**
 * Opinions are printed in a CJK font without emoji: what it cannot draw is named, not left blank, and
 * what it can draw (★, ©, Chinese, digits) is left as written.
 */
import * as fontkit from 'fontkit'
import { printable, printFont } from '../../cloudfunctions/common/print'

test('an emoji becomes its Chinese name in brackets, skin tones and joined sequences included', () => {
  expect(printable('服务很好👍继续加油🎉')).toBe('服务很好[拇指向上]继续加油[拉炮彩带]')
  expect(printable('谢谢👍🏽')).toBe('谢谢[拇指向上]')
  expect(printable('一家人👨‍👩‍👧')).toBe('一家人[家庭: 男人女人女孩]')
  expect(printable('❤️')).toBe('[红心]')
})

test('what the font draws stays as written, and every character printed has a glyph', () => {
  const text = '楼道灯★坏了 3 天，请尽快修理！© 2026'
  expect(printable(text)).toBe(text)
  const font = printFont()
  const face = fontkit.openSync(font.src, font.family)
  for (const sample of ['意见😀🙏', '好👍🏽 ❤️ 🇨🇳', '☺☹✌']) {
    for (const c of printable(sample)) expect([c, face.hasGlyphForCodePoint(c.codePointAt(0)!)]).toEqual([c, true])
  }
})
