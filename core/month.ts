import { usageError } from './errors.ts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Validates a YYYY-MM month, naming the option it came from in the error. */
export function parseMonth(value: string, option = '--month'): string {
  if (!MONTH.test(value))
    throw usageError(`${option}: "${value}" is not a month in the form YYYY-MM (e.g. 2020-08)`);
  return value;
}

/** Validates a YYYY-MM-DD date (or a full ISO timestamp) and returns it as an ISO string. */
export function parseDate(value: string, option = '--since'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  const date = m ? new Date(m[4] ? value : `${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw usageError(`${option}: "${value}" is not a date in the form YYYY-MM-DD`);
  }
  return date.toISOString();
}

export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}
