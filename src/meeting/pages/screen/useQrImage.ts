/** @module A link as a QR code image (SVG data URL), drawn by the `qrcode` package: no canvas needed. */
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

export function useQrImage(text: string | null): string | null {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    if (!text) return
    let current = true
    // Level M survives a projector's glare and a phone held at an angle, and keeps the modules large.
    void QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } }).then((svg) => {
      if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`)
    })
    return () => {
      current = false
    }
  }, [text])
  return src
}
