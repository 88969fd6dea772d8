/**
 * A cold start loads what every invocation needs and nothing more: the sheet, PDF and font libraries
 * (exceljs alone half a second) load with the first action that uses them. Every integration test
 * file pays a function's load too, so one eager import of them cost the suite seconds.
 */
test('loading the functions loads neither exceljs, pdfkit nor fontkit', () => {
  const loaded: string[] = []
  for (const heavy of ['exceljs', 'pdfkit', 'fontkit']) {
    jest.doMock(heavy, () => {
      loaded.push(heavy)
      return {}
    })
  }
  const { FUNCTIONS } = require('../../local/functions') as typeof import('../../local/functions')
  expect(Object.keys(FUNCTIONS).sort()).toEqual(['evaluate', 'organize', 'report', 'scheduler'])
  expect(loaded).toEqual([])
})
