/**
 * One ECharts canvas, in the mini-program (taro-react-echarts' wx canvas) and in H5 alike. Only the
 * chart types and parts the dashboard draws are registered, so the subpackage carries a slice of ECharts.
 * A canvas's text is out of CSS's reach, so the chart is built for the 关怀 font itself.
 */
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import Echarts, { type EChartOption } from 'taro-react-echarts'
import { Text, View } from '@tarojs/components'
import { useCareMode } from '../../components/useCareMode'
import { chartFont, type ChartFont } from '../lib/charts'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])

interface Props {
  title?: string
  option: (font: ChartFont) => EChartOption
  /** Rows of a horizontal chart: the canvas grows with them so labels stay readable. */
  rows?: number
  className?: string
}

export default function Chart({ title, option, rows, className }: Props) {
  const [care] = useCareMode()
  const font = chartFont(care)
  // Rows and the plot grow with the text, so larger labels neither overlap nor squeeze the bars.
  const height = Math.round((rows ? Math.max(200, 90 + rows * 52) : 260) * (font.size / chartFont(false).size))
  return (
    <View className={`dash-chart${className ? ` ${className}` : ''}`}>
      {title && <Text className='dash-chart__title'>{title}</Text>}
      {/* No width here: in H5 the wrapper hands a style width to echarts.init as is ('100%' draws garbage); the canvas's own width is measured instead. */}
      <Echarts echarts={echarts} option={option(font)} style={{ height: `${height}px` }} />
    </View>
  )
}
