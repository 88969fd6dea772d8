/** Starts the product exactly as a user does (`npm start`) on a fresh data folder, and stops it. */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface Product {
  url: string
  dataDir: string
  child: ChildProcess
}

export async function startProduct(extraEnv: Record<string, string> = {}): Promise<Product> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-e2e-'))
  const child = spawn('npm', ['start'], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, PORT: '0', QUNPING_DATA: dataDir, ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString()
      const m = /群评已启动：(http:\/\/\S+?)\/?\s/.exec(out)
      if (m) resolve(m[1])
    })
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)))
  })
  return { url, dataDir, child }
}

export function stopProduct(product: Product): void {
  // npm start runs tsx, which runs node: end the whole process group.
  if (product.child.pid) process.kill(-product.child.pid, 'SIGTERM')
}
