/** The weapp project builds the mini-program once per run (or reuses a fresh dist/weapp). */
import { ensureWeappBuild } from './harness/build'

export default function setup(): void {
  ensureWeappBuild()
}
