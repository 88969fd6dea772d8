/** A child process serving the embedded CloudBase on a data folder, so a test can kill it hard. Arguments: folder, credentials as JSON. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createCloudBase } from '../../local/cloudbase/server'

const [dataDir, credentials] = process.argv.slice(2)
let url = ''
const cloudbase = createCloudBase({ dataDir, env: 'durability', publicUrl: () => url, credentials: JSON.parse(credentials) })
const server = http.createServer((req, res) => void cloudbase.handle(req, res).then((handled) => handled || res.writeHead(404).end()))
server.listen(0, '127.0.0.1', () => {
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  process.stdout.write(`${url}\n`)
})
