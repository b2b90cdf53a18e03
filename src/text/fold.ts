/** Lower-cases and removes diacritics, so `Rusisë`, `RUSISE` and `rusise` compare equal. The original text is never replaced by this form. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’ʼ`´]/g, "'")
}

/** Lower-cases without removing diacritics (for morphology, where `ë` and `e` differ). */
export function lower(s: string): string {
  return s.toLowerCase().replace(/[’ʼ`´]/g, "'")
}
