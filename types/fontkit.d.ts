/** @module The part of fontkit the build uses: the faces of a font collection by name. */
declare module 'fontkit' {
  export function create(buffer: Buffer, postscriptName?: string): unknown
}
