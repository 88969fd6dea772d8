/**
 * @module Picking a roster file (CSV or xlsx) as base64: an <input type=file> in H5, a file from a
 * chat (chooseMessageFile) read by the file system manager in the mini-program.
 */
import Taro from '@tarojs/taro'

export interface PickedFile {
  fileName: string
  base64: string
}

function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.className = 'roster-file-input'
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(null)
      const reader = new FileReader()
      reader.onload = () => resolve({ fileName: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') })
      reader.onerror = () => resolve(null)
      reader.readAsDataURL(file)
    }
    document.body.appendChild(input)
    input.click()
  })
}

async function pickInWeapp(): Promise<PickedFile | null> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] })
    const file = tempFiles[0]
    if (!file) return null
    const base64 = await new Promise<string>((resolve, reject) =>
      Taro.getFileSystemManager().readFile({ filePath: file.path, encoding: 'base64', success: (r) => resolve(String(r.data)), fail: reject }),
    )
    return { fileName: file.name, base64 }
  } catch {
    return null
  }
}

export function pickRosterFile(): Promise<PickedFile | null> {
  return process.env.TARO_ENV === 'h5' ? pickInBrowser() : pickInWeapp()
}
