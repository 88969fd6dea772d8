/**
 * 随机抽取 (seed 002) for each unit and roster category: first the seed's SHA-256, to be shown to the
 * unit before it sends its list; then the list imported and n drawn; then the seed revealed, so
 * anyone holding the list can re-run the draw (README: the algorithm).
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { RoundDetail, SampleView } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import type { Sampling } from '../../../core/sampling'
import { call } from '../../../services/api'
import Field from '../../components/Field'
import { pickRosterFile } from '../../lib/files'
import { useLoad } from '../../lib/useLoad'

interface Props {
  round: RoundDetail
  /** The round's sampling rule (seed 002's minimums), as the server holds it. */
  sampling: Sampling
  unitName: (unitId: string) => string
  onChanged: () => Promise<void>
}

export default function SamplingPanel({ round, sampling, unitName, onChanged }: Props) {
  const samples = useLoad(() => call('organize', 'listSamples', { roundId: round.id }), [round.id])
  const [sizes, setSizes] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const places = [...new Set(round.targets.map((t) => t.unitId))].flatMap((unitId) =>
    round.categories.filter((c) => c.access === 'roster').map((c) => ({ unitId, categoryId: c.id, key: `${unitId}/${c.id}`, label: `${unitName(unitId)} · ${c.name}` })),
  )
  const sampleOf = (p: { unitId: string; categoryId: string }): SampleView | undefined => samples.data?.samples.find((s) => s.unitId === p.unitId && s.categoryId === p.categoryId)
  const done = async (res: { ok: boolean; error?: ApiError }) => {
    setError(res.ok ? null : (res.error ?? null))
    await samples.reload()
    await onChanged()
  }
  const commit = async (p: { unitId: string; categoryId: string }) => done(await call('organize', 'commitSample', { roundId: round.id, unitId: p.unitId, categoryId: p.categoryId }))
  /** The size shown in the field: what was typed, else the place's minimum it is pre-filled with. */
  const sizeText = (key: string, minimum: number) => sizes[key] ?? String(minimum)
  const drawFrom = async (p: { unitId: string; categoryId: string; key: string }, minimum: number) => {
    setError(null)
    const file = await pickRosterFile()
    if (file) await done(await call('organize', 'drawSample', { roundId: round.id, unitId: p.unitId, categoryId: p.categoryId, size: Number.parseInt(sizeText(p.key, minimum), 10) || 0, ...file }))
  }

  return (
    <View className='qp-card sampling'>
      <Text className='qp-card__title'>随机抽取参评人员</Text>
      <Text className='qp-muted'>
        {`先生成抽取种子，把种子摘要告知被评估单位；再导入该单位提供的名单（列：姓名、手机可选）并抽取。每单位至少抽取${sampling.minimum}人（县区${sampling.districtMinimum}人），名单不足时全部参加。抽取后公布种子，任何人可按名单复核抽取结果；只有抽中的人获得邀请码。`}
      </Text>
      {places.map((p) => {
        const s = sampleOf(p)
        return (
          <View key={p.key} className='sampling__place'>
            <Text className='org__label'>{p.label}</Text>
            {!s && <Button size='small' type='primary' fill='outline' onClick={() => void commit(p)}>生成抽取种子</Button>}
            {s && <Text className='sampling__hash' userSelect>{`种子摘要（SHA-256）：${s.commitment}`}</Text>}
            {s && !s.draw && (
              <>
                <Field label={`抽取人数（至少${s.minimum}人）`} maxlength={5} value={sizeText(p.key, s.minimum)} onChange={(v) => setSizes({ ...sizes, [p.key]: v })} />
                <Button size='small' type='primary' onClick={() => void drawFrom(p, s.minimum)}>导入名单并抽取</Button>
              </>
            )}
            {s?.draw && (
              <>
                <Text className='org__ok'>{`名单${s.draw.candidates}人，抽取${s.draw.drawnRows.length}人（按名单顺序从1编号，抽中：${s.draw.drawnRows.join('、')}）`}</Text>
                <Text className='sampling__hash' userSelect>{`种子：${s.seed}`}</Text>
                <Text className='sampling__hash' userSelect>{`名单摘要：${s.draw.listHash}`}</Text>
              </>
            )}
          </View>
        )
      })}
      {(error ?? samples.error) && <Text className='qp-error'>{(error ?? samples.error)?.message}</Text>}
    </View>
  )
}
