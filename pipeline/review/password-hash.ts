// Passwords are stored as scrypt hashes with their parameters and salt, so that the cost can be raised
// later without invalidating existing accounts.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { inputError } from '../../core/index.ts';
import { REVIEW_CONFIG, type ReviewConfig } from './review-config.ts';

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const memFor = (N: number, r: number) => 256 * N * r;

export function checkPasswordStrength(password: string, config: ReviewConfig = REVIEW_CONFIG): void {
  if (password.length < config.password.minLength) {
    throw inputError(`password: needs at least ${config.password.minLength} characters`);
  }
}

/** `scrypt$N$r$p$salt$hash`, base64 salt and hash. */
export async function hashPassword(password: string, config: ReviewConfig = REVIEW_CONFIG): Promise<string> {
  const { scryptN: N, scryptR: r, scryptP: p, keyLength } = config.password;
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, keyLength, { N, r, p, maxmem: memFor(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: memFor(N, r) });
  return timingSafeEqual(key, expected);
}
