/** @module The names WeChat's `wx` and `wx.cloud` really have, read from miniprogram-api-typings (`interface Wx`, `interface WxCloud`). */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const typings = path.dirname(require.resolve('miniprogram-api-typings/package.json'))

function membersOf(file: string, name: string): Set<string> {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(typings, file), 'utf8'), ts.ScriptTarget.Latest)
  const names = new Set<string>()
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name) {
      for (const m of node.members) if (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) names.add(m.name.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  if (names.size === 0) throw new Error(`interface ${name} not found in miniprogram-api-typings/${file}`)
  return names
}

export const WX_API_NAMES = membersOf('types/wx/lib.wx.api.d.ts', 'Wx')
export const WX_CLOUD_NAMES = membersOf('types/wx/lib.wx.cloud.d.ts', 'WxCloud')
