// Text → comparable word tokens: lower case, Kazakh-specific letters folded to their Russian neighbours
// (so that a name spelt «Қайрат» and «Кайрат» meets), punctuation dropped, numbers kept.
import { CLUSTER_CONFIG, type ClusterConfig } from './cluster-config.ts';

export function foldLetters(word: string, config: ClusterConfig = CLUSTER_CONFIG): string {
  let out = '';
  for (const ch of word.toLowerCase()) out += config.kazakhToRussianLetters[ch] ?? ch;
  return out;
}

export function normaliseTokens(text: string, config: ClusterConfig = CLUSTER_CONFIG): string[] {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
  return words.map((w) => foldLetters(w, config));
}
