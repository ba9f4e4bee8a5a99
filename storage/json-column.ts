// JSON is kept in text columns on both dialects; these read it back with a clear error when it is damaged.

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJson<T>(text: string | null | undefined, fallback: T, where: string): T {
  if (text === null || text === undefined || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`damaged JSON in ${where}: ${(error as Error).message}`);
  }
}

export const nowIso = () => new Date().toISOString();
