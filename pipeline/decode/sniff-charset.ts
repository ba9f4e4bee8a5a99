// Guessing a charset from the bytes alone. A body that is valid UTF-8 and has multi-byte sequences is
// UTF-8 (legacy single-byte Cyrillic text almost never forms valid UTF-8 by chance). Otherwise the legacy
// Cyrillic candidates (windows-1251, KZ-1048, PT154) share А–я at 0xC0–0xFF and differ in 0x80–0xBF, so we
// decode with each and score the letters that come out: in Kazakh text Kazakh letters count for a
// candidate and Ukrainian/Serbian ones against it, in other text the reverse (so Ukrainian є ї ґ stay
// windows-1251); letters of no language we read, and letters stuck between spaces where punctuation was
// meant, count against it.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { extractionConfig } from '../extract/extraction-config.ts';
import { kazakhEvidence } from '../normalize/kazakh-context.ts';

export function isValidUtf8(bytes: Uint8Array): { valid: boolean; multiByte: boolean } {
  // Strictly valid UTF-8 (the native check, the common case) passes the loop below too; only the rest
  // needs the loop, which also accepts a sequence cut off at the end of a truncated body.
  if (isUtf8(bytes)) {
    let multiByte = false;
    for (let k = 0; k < bytes.length; k++)
      if (bytes[k]! >= 0x80) {
        multiByte = true;
        break;
      }
    return { valid: true, multiByte };
  }
  let i = 0;
  let multiByte = false;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return { valid: false, multiByte };
    // A sequence cut off by the end of a truncated body still counts as UTF-8.
    if (i + need >= n) return { valid: true, multiByte: true };
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return { valid: false, multiByte };
    }
    multiByte = true;
    i += need + 1;
  }
  return { valid: true, multiByte };
}

/**
 * Whether single-byte text is Cyrillic rather than Western European: Cyrillic words are runs of bytes in
 * 0xC0–0xFF (every letter is high), while in Latin-1 text accented letters stand alone among ASCII ones.
 */
export function looksCyrillicBytes(bytes: Uint8Array): boolean {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  const n = Math.min(bytes.length, 200_000);
  const flush = () => {
    if (run >= 3) inRuns += run;
    run = 0;
  };
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) high++;
    if (b >= 0xc0 || b === 0xa8 || b === 0xb8) run++;
    else flush();
  }
  flush();
  return high >= 8 && inRuns >= high * 0.5;
}

const KAZAKH = /[әғқңөұүһӘҒҚҢӨҰҮҺ]/gu;
// Letters of the other windows-1251 languages (Ukrainian, Belarusian, Serbian, Macedonian)…
const SLAVIC = /[ЂђЃѓЉљЊњЌќЋћЏџЎўЈјҐґЄєЇїЅѕ]/gu;
// …and letters of none of the languages we read, which only a wrong guess produces.
const EXOTIC = /[ҖҗҶҷҲҳҠҡӢӣӮӯҸҹҴҵҜҝҘҙҪҫӠӡҼҽҾҿ]/gu;
const LONE_LETTER =
  /(?:^|[\s\d.,;:!?"'«»()])[ЂђЃѓЉљЊњЌќЋћЏџЎўЈјҐґЄєЇїЅѕҖҗҶҷҲҳҠҡӢӣӮӯҸҹҒғҚқҢңҮүҰұӘәӨөҺһ](?=[\s\d.,;:!?"'«»()]|$)/gmu;

export function sniffLegacyCyrillic(bytes: Uint8Array): string {
  const candidates = extractionConfig().decode.sniffCandidates;
  // Only the high half matters; a sample keeps this cheap on big pages.
  const sample = bytes.length > 200_000 ? bytes.subarray(0, 200_000) : bytes;
  const buf = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
  // Whether the text can be Kazakh is judged once, on the windows-1251 reading, where the Kazakh letters
  // of any legacy encoding show up as other letters: so only the shared alphabet is evidence — ы with и
  // (Kazakh and Russian have both; Ukrainian, Serbian, Macedonian lack ы, Belarusian lacks и) or common
  // Kazakh words. A Ukrainian page cannot pass for Kazakh by its є ї ґ.
  const evidence = kazakhEvidence(iconv.decode(buf, 'windows-1251').replace(/<[^>]*>/g, ' '));
  const kazakhText = evidence.hasYeruAndI || evidence.kazakhWords > 0;
  let best = candidates[0] ?? 'windows-1251';
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const name of candidates) {
    const text = iconv.decode(buf, name);
    const kazakh = text.match(KAZAKH)?.length ?? 0;
    const slavic = text.match(SLAVIC)?.length ?? 0;
    const exotic = text.match(EXOTIC)?.length ?? 0;
    const lone = text.match(LONE_LETTER)?.length ?? 0;
    // In Kazakh text Kazakh letters are expected and Serbian/Ukrainian ones are not; elsewhere the reverse.
    const score = (kazakhText ? kazakh - slavic : -kazakh) - exotic - 2 * lone;
    if (score > bestScore) {
      bestScore = score;
      best = name;
    }
  }
  return best;
}
