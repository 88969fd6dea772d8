/** @module The QR poster drawn server-side: the round's title, the channel's name, its mini-program code, one line of instructions. */
import { createCanvas, GlobalFonts, loadImage, type SKRSContext2D } from '@napi-rs/canvas'
import { printFont } from '../common/print'

const FAMILY = 'QunPingPrint'
const WIDTH = 1080
const HEIGHT = 1440
const QR = 720

let registered = false
function font(px: number): string {
  if (!registered) registered = GlobalFonts.registerFromPath(printFont().src, FAMILY) !== null
  return `${px}px ${FAMILY}`
}

/** Breaks a title into at most `max` centred lines that fit the width; Chinese wraps between any two characters. */
function wrap(g: SKRSContext2D, text: string, width: number, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (g.measureText(line + ch).width > width && line) {
      lines.push(line)
      line = ''
    }
    line += ch
  }
  lines.push(line)
  return lines.length > max ? [...lines.slice(0, max - 1), `${lines.slice(max - 1).join('').slice(0, Math.max(1, lines[0].length - 1))}…`] : lines
}

export async function drawPoster(input: { title: string; channelName: string; qr: Buffer }): Promise<Buffer> {
  const canvas = createCanvas(WIDTH, HEIGHT)
  const g = canvas.getContext('2d')
  g.fillStyle = '#ffffff'
  g.fillRect(0, 0, WIDTH, HEIGHT)
  g.fillStyle = '#c62828'
  g.fillRect(0, 0, WIDTH, 24)
  g.textAlign = 'center'
  g.textBaseline = 'top'

  g.fillStyle = '#c62828'
  g.font = font(40)
  g.fillText('群众评议', WIDTH / 2, 90)
  g.fillStyle = '#111111'
  g.font = font(64)
  let y = 170
  for (const line of wrap(g, input.title, WIDTH - 160, 2)) {
    g.fillText(line, WIDTH / 2, y)
    y += 84
  }
  g.fillStyle = '#555555'
  g.font = font(40)
  g.fillText(input.channelName, WIDTH / 2, y + 16)

  const qrTop = 430
  g.drawImage(await loadImage(input.qr), (WIDTH - QR) / 2, qrTop, QR, QR)
  g.fillStyle = '#111111'
  g.font = font(44)
  g.fillText('微信扫一扫或长按识别，参加评议', WIDTH / 2, qrTop + QR + 60)
  g.fillStyle = '#c62828'
  g.fillRect(0, HEIGHT - 24, WIDTH, 24)
  return canvas.toBuffer('image/png')
}
