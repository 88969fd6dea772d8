/** @module The part of subset-font (harfbuzz's hb-subset in wasm) the build uses. */
declare module 'subset-font' {
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype' }): Promise<Buffer>
}
