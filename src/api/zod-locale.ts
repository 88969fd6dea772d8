/** @module Validation messages reach residents, so zod speaks Chinese on both ends. */
import { z } from 'zod'
import { zhCN } from 'zod/locales'

z.config(zhCN())
