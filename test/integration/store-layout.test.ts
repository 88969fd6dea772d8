/**
 * The embedded store's file keeps documents, not their history: a data folder written before rows
 * were laid out by id (rowid order and a commit number per row) is rewritten on start, with every
 * document kept, and what is written afterwards adds no order or commit number either.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Store } from '../../local/cloudbase/store'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-layout-'))
const file = path.join(dir, 'cloudbase.sqlite')
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const columns = (db: Database.Database) => (db.prepare("SELECT name FROM pragma_table_info('docs')").all() as { name: string }[]).map((c) => c.name)

test('a data file of the earlier layout is laid out by id on start, every document kept, with no commit number left', () => {
  const old = new Database(file)
  old.exec(`CREATE TABLE collections (name TEXT PRIMARY KEY);
    CREATE TABLE docs (coll TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (coll, id));
    INSERT INTO collections VALUES ('receipts'), ('ballots');`)
  // Written as a cast used to: the receipt, then its pool rewritten to the end of the table.
  const insert = old.prepare('INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?)')
  insert.run('ballots', 'r1:t1:0', JSON.stringify({ _id: 'r1:t1:0', ballots: [{ overall: 'a' }] }), 1)
  insert.run('receipts', 'zzz', JSON.stringify({ _id: 'zzz', hour: 'h' }), 2)
  insert.run('ballots', 'r1:t1:0', JSON.stringify({ _id: 'r1:t1:0', ballots: [{ overall: 'a' }, { overall: 'b' }] }), 2)
  insert.run('receipts', 'aaa', JSON.stringify({ _id: 'aaa', hour: 'h' }), 3)
  old.close()

  const store = new Store(file)
  expect([...store.collection('receipts').keys()].sort()).toEqual(['aaa', 'zzz'])
  expect(store.collection('ballots').get('r1:t1:0')!.doc).toEqual({ _id: 'r1:t1:0', ballots: [{ overall: 'a' }, { overall: 'b' }] })
  store.apply([{ coll: 'receipts', id: 'mmm', doc: { _id: 'mmm' } }, { coll: 'ballots', id: 'r1:t1:0', doc: { _id: 'r1:t1:0', ballots: [] } }])
  store.close()

  const copy = new Database(file, { readonly: true })
  expect(columns(copy)).toEqual(['coll', 'id', 'doc'])
  expect(() => copy.prepare('SELECT rowid FROM docs').all()).toThrow()
  // The file's own order is the ids' order, whatever order they were written in.
  expect((copy.prepare('SELECT coll, id FROM docs').all() as { coll: string; id: string }[]).map((r) => `${r.coll}/${r.id}`)).toEqual([
    'ballots/r1:t1:0',
    'receipts/aaa',
    'receipts/mmm',
    'receipts/zzz',
  ])
  copy.close()
})
