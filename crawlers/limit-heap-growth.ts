// The one V8 setting of a crawl process, applied by `soz crawl`, `soz schedule` and `soz demo` (and the
// crawl benchmark) before they load anything. A crawl keeps ~100 MB live (the modules and the
// classifier's model) while it churns through pages, and V8, on a machine with memory to spare, lets the
// heap grow to up to four times what was live at its last full collection before collecting again: the
// whole `soz crawl` path peaked at ~500 MB of RSS. A fixed growth factor of 1.6 keeps it under 400 MB,
// for more frequent (concurrent) full collections. Unlike a heap size limit it can never make a crawl
// run out of memory.
import v8 from 'node:v8';

export const CRAWL_HEAP_GROWING_PERCENT = 60;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${CRAWL_HEAP_GROWING_PERCENT}`);
}
