// The database as kysely sees it. Timestamps are ISO-8601 text, JSON is text, flags are 0/1 integers:
// the same on SQLite and PostgreSQL, so migrations and queries are shared.
import type { Generated } from 'kysely';

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface SourcesTable {
  id: string;
  name: string;
  kind: string;
  lang: string | null;
  config_json: string;
  last_success_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CrawlRunsTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string | null;
  status: string; // running | succeeded | partial | failed | interrupted
  options_json: string;
  pid: number | null;
}

export interface CrawlRunSourcesTable {
  run_id: number;
  source_id: string;
  status: string; // running | succeeded | failed | blocked
  found: number;
  new_items: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors_json: string;
  started_at: string;
  finished_at: string | null;
  /** The run's source health measurements and flags (migration 6); null for older runs. */
  health_json: string | null;
}

/** Conditional-request validators and the discovery frontier, so that a crawl resumes where it stopped. */
export interface FetchStateTable {
  url: string;
  source_id: string;
  etag: string | null;
  last_modified: string | null;
  status: number | null;
  checked_at: string;
}

export interface ItemsTable {
  id: Generated<number>;
  source_id: string;
  kind: string; // news | court
  url: string;
  canonical_url: string;
  title: string;
  text: string;
  published_at: string | null;
  fetched_at: string;
  updated_at: string;
  author: string | null;
  section: string | null;
  lang: string | null;
  script: string | null;
  lang_confidence: number | null;
  content_hash: string;
  raw_html_gz: Uint8Array | null;
  extracted_by: string;
  case_number: string | null;
  court_json: string | null;
  revision: number;
  /** 1: a body under minBodyChars kept because the outlet lists the page as news (migration 6). */
  short: Generated<number>;
  /** How the body was found when extraction fell back, or why it is suspect (migration 6). */
  body_note: string | null;
}

export interface ItemRevisionsTable {
  id: Generated<number>;
  item_id: number;
  revision: number;
  content_hash: string;
  title: string;
  text: string;
  fetched_at: string;
}

export interface ClassificationsTable {
  id: Generated<number>;
  item_id: number;
  model_version: string;
  lang: string;
  script: string;
  candidate: number;
  score: number;
  categories_json: string;
  facts_json: string;
  created_at: string;
}

export interface ReviewTasksTable {
  id: Generated<number>;
  status: string; // pending | confirmed | rejected | duplicate | deferred
  top_category: string | null;
  score: number;
  lang: string | null;
  kind: string;
  month: string | null;
  title: string;
  first_item_id: number;
  /** The first item's published_at and source_id, copied (migration 015) for the queue's indexes. */
  published_at: string | null;
  source_id: string | null;
  fingerprint: string | null;
  entry_id: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ReviewTaskItemsTable {
  task_id: number;
  item_id: number;
  similarity: number;
  added_at: string;
}

export interface ReviewLogTable {
  id: Generated<number>;
  task_id: number | null;
  entry_id: string | null;
  actor: string;
  action: string;
  at: string;
  before_json: string | null;
  after_json: string | null;
  case_id: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: string; // reviewer | editor
  password_hash: string;
  created_at: string;
  disabled: number;
  /** ru | kk | en, or null: the browser's language decides (migration 10). */
  ui_lang: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LabelsTable {
  item_id: number;
  candidate: number;
  category: string | null;
  decided_by: string;
  decided_at: string;
}

export interface DatasetEntriesTable {
  id: string;
  month: string;
  event_date: string | null;
  category: string;
  block: string;
  stage: string;
  in_court: number;
  outcome: string | null;
  claimed_amount_kzt: number | string | null;
  awarded_amount_kzt: number | string | null;
  law_article: string | null;
  is_honor_dignity: number;
  summary: string;
  lang: string;
  people_json: string;
  outlets_json: string;
  actors_json: string;
  court: string | null;
  case_number: string | null;
  region: string | null;
  ongoing: number;
  case_id: string | null;
  case_event: string | null;
  review_task_id: number | null;
  origin: string; // review | import
  version: number;
  created_at: string;
  updated_at: string;
  /** The summary in the report's other languages (migration 13): {"kk": "…", "en": "…"}. */
  translations_json: string;
}

export interface DatasetEntrySourcesTable {
  entry_id: string;
  position: number;
  url: string;
  item_id: number | null;
}

export interface CasesTable {
  id: string;
  title: string;
  category: string | null;
  status: string;
  derived_status: string;
  status_override: string | null;
  status_note: string | null;
  claimants_json: string;
  defendants_json: string;
  court: string | null;
  region: string | null;
  law_articles_json: string;
  claimed_amount_kzt: number | string | null;
  awarded_amount_kzt: number | string | null;
  honor_dignity: number;
  first_month: string | null;
  last_month: string | null;
  merged_into: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CaseNumbersTable {
  case_id: string;
  normalized: string;
  case_number: string;
  origin: string; // entry | editor
}

export interface CaseItemsTable {
  item_id: number;
  case_id: string;
  matched_by: string; // case_number | reviewer
  added_at: string;
}

/** A source (or the scheduler) held by one worker; renewed while it lives (migration 8). */
export interface CrawlLeasesTable {
  name: string;
  holder: string;
  job_id: string | null;
  queue: string | null;
  acquired_at: string;
  /** Milliseconds on the database's clock. */
  expires_ms: number | string;
}

/** The next request start a host allows, across all workers (migration 8). */
export interface CrawlHostsTable {
  host: string;
  next_start_ms: number | string;
}

/** A request in flight to a host, by any worker; expires if its worker dies (migration 8). */
export interface CrawlHostSlotsTable {
  token: string;
  host: string;
  holder: string;
  expires_ms: number | string;
}

/** A failed login of a key ("ip:…", "user:…"), for the rate limiter (migration 11). */
export interface LoginFailuresTable {
  key: string;
  at_ms: number | string;
}

export interface LoginLocksTable {
  key: string;
  locked_until_ms: number | string;
}

/** A report a reviewer added by URL, with the classifier's verdict when it was added (migration 9). */
export interface ReviewerAdditionsTable {
  item_id: number;
  url: string;
  note: string | null;
  added_by: string;
  added_at: string;
  classifier_score: number;
  /** 1 when the classifier had flagged it itself (not a miss). */
  classifier_candidate: number;
  model_version: string;
}

export interface Schema {
  schema_migrations: SchemaMigrationsTable;
  sources: SourcesTable;
  crawl_runs: CrawlRunsTable;
  crawl_run_sources: CrawlRunSourcesTable;
  fetch_state: FetchStateTable;
  items: ItemsTable;
  item_revisions: ItemRevisionsTable;
  classifications: ClassificationsTable;
  review_tasks: ReviewTasksTable;
  review_task_items: ReviewTaskItemsTable;
  review_log: ReviewLogTable;
  users: UsersTable;
  sessions: SessionsTable;
  labels: LabelsTable;
  dataset_entries: DatasetEntriesTable;
  dataset_entry_sources: DatasetEntrySourcesTable;
  cases: CasesTable;
  case_numbers: CaseNumbersTable;
  case_items: CaseItemsTable;
  crawl_leases: CrawlLeasesTable;
  crawl_hosts: CrawlHostsTable;
  crawl_host_slots: CrawlHostSlotsTable;
  login_failures: LoginFailuresTable;
  login_locks: LoginLocksTable;
  reviewer_additions: ReviewerAdditionsTable;
}
