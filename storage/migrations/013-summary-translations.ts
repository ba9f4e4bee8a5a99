// Every entry's summary in the report's three languages: the summary stays in the language its reviewer wrote
// (`summary`, `lang`); the others, filled in by a reviewer or an editor, are kept beside it as a JSON object
// {"kk": "…", "en": "…"}. Existing entries start with none.
import type { Migration } from './migration.ts';

export const summaryTranslations: Migration = {
  version: 13,
  name: 'summary translations',
  async up(db) {
    await db.schema
      .alterTable('dataset_entries')
      .addColumn('translations_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
  },
};
