/**
 * @module Opening an exported report (Excel 统计表, PDF): the mini-program downloads it and opens it
 * with wx.openDocument (from where it can be forwarded or printed); a browser downloads it.
 */
import Taro from '@tarojs/taro'
import type { ExportFile } from '../api/report'

function downloadInBrowser(file: ExportFile): void {
  const a = document.createElement('a')
  a.href = file.url
  a.download = file.fileName
  a.className = 'export-download'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/**
 * Saved under its own name in the user folder, not as a temporary tmp_… file: forwarded from the
 * document's menu, it reaches the recipient as 评议名-统计表-日期.xlsx.
 */
async function openInWeapp(file: ExportFile): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`
  const { statusCode } = await Taro.downloadFile({ url: file.url, filePath })
  if (statusCode !== 200) throw new Error(`download ${statusCode}`)
  const fileType = file.fileName.toLowerCase().endsWith('.pdf') ? 'pdf' : 'xlsx'
  await Taro.openDocument({ filePath, fileType, showMenu: true })
}

export function openExport(file: ExportFile): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    downloadInBrowser(file)
    return Promise.resolve()
  }
  return openInWeapp(file)
}
