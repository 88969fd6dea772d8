/** @module The part of fontkit the build and the print code use: a face by name, and whether it draws a character. */
declare module 'fontkit' {
  export function create(buffer: Buffer, postscriptName?: string): unknown
  export function openSync(filename: string, postscriptName?: string): { hasGlyphForCodePoint(codePoint: number): boolean }
}
