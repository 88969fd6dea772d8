/**
 * In the mini-program an export is saved under the name the report function gave it, so the copy an
 * organiser forwards from the document's menu reaches a colleague as 评议名-统计表-日期.xlsx, not tmp_….
 */
import type { openExport as OpenExport } from '../../src/services/exportFile'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { env: { USER_DATA_PATH: 'wxfile://usr' }, downloadFile: jest.fn(), openDocument: jest.fn() },
}))

// The test transform (esbuild) does not hoist jest.mock above imports as babel-jest does: what uses Taro loads after the mock.
const { openExport } = require('../../src/services/exportFile') as { openExport: typeof OpenExport }
const taro = (jest.requireMock('@tarojs/taro') as { default: { downloadFile: jest.Mock; openDocument: jest.Mock } }).default

test('the file is downloaded to, and opened from, the user folder under its own name', async () => {
  taro.downloadFile.mockImplementation(async ({ filePath }: { filePath: string }) => ({ statusCode: 200, filePath }))
  taro.openDocument.mockResolvedValue({})
  await openExport({ url: 'https://storage.example/exports/r/x/name.xlsx', fileName: '社区测评-统计表-2026-12-05.xlsx' })
  expect(taro.downloadFile).toHaveBeenCalledWith({ url: 'https://storage.example/exports/r/x/name.xlsx', filePath: 'wxfile://usr/社区测评-统计表-2026-12-05.xlsx' })
  expect(taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/社区测评-统计表-2026-12-05.xlsx', fileType: 'xlsx', showMenu: true })
})

test('a failed download opens nothing', async () => {
  taro.downloadFile.mockResolvedValue({ statusCode: 404 })
  taro.openDocument.mockClear()
  await expect(openExport({ url: 'https://storage.example/gone.pdf', fileName: '报告-评议报告-2026-12-05.pdf' })).rejects.toThrow('download 404')
  expect(taro.openDocument).not.toHaveBeenCalled()
})
