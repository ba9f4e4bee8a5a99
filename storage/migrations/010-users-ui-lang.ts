// Each review account's chosen UI language (ru, kk or en): the review UI speaks it on every browser the
// reviewer uses. Null means "not chosen": the browser's Accept-Language decides, then config/review.json.
import type { Migration } from './migration.ts';

export const usersUiLang: Migration = {
  version: 10,
  name: 'users ui language',
  async up(db) {
    await db.schema.alterTable('users').addColumn('ui_lang', 'text').execute();
  },
};
