/**
 * @module Persons to rate (seeds 002, 003: each 领导干部, each 党员) read from the same kind of
 * file as rosters, columns 姓名, 单位, 职务. Nothing is stored: the wizard shows them, the organiser
 * corrects them, and they become the round's targets when it is created.
 */
import type { PersonRow } from '../../src/api/organize'
import { domainError } from '../../src/core'
import { refuse } from '../common/refuse'
import { type Authority, authorize } from '../common/roles'
import { isWithin } from '../common/units'
import { MANAGE } from './access'
import { ambiguousUnit, columnsOf, readRows, unitReader } from './sheet'

export async function readPersons(auth: Authority, ownerUnitId: string, fileName: string, base64: string) {
  authorize(auth, MANAGE, ownerUnitId)
  const [header = [], ...rows] = await readRows(fileName, base64)
  const col = columnsOf(header, ['姓名', '单位', '职务'] as const)
  if (col.姓名 < 0 || col.单位 < 0) refuse(domainError('ROSTER_FILE_UNREADABLE', '表头须包含 姓名、单位（职务可选）'))
  const unitOf = unitReader(auth.units, [auth.units.filter((u) => isWithin(auth.units, u.id, ownerUnitId)).map((u) => u.id)])
  const persons: PersonRow[] = []
  const skipped: { row: number; reason: string }[] = []
  rows.forEach((r, i) => {
    const [name = '', unit = '', position = ''] = [r[col.姓名], r[col.单位], col.职务 >= 0 ? r[col.职务] : '']
    const found = unitOf(unit)
    const unitProblem = 'paths' in found ? (found.paths.length > 0 ? ambiguousUnit(found.paths) : `单位“${unit}”不在本单位范围内`) : null
    const problem = !name ? '姓名为空' : name.length > 40 || position.length > 40 ? '姓名或职务过长' : unitProblem
    if (!problem && 'unitId' in found) persons.push({ name, unitId: found.unitId, ...(position ? { position } : {}) })
    else skipped.push({ row: i + 2, reason: problem ?? '' })
  })
  return { persons, skipped }
}
