/**
 * Decodes bytes to text, choosing the charset the way browsers do: a byte-order mark, then the HTTP header, then
 * the document's own declaration (`<meta charset>`, `<?xml encoding?>`), then the bytes themselves: valid UTF-8
 * is UTF-8, anything else is read as the legacy charset of Albanian and Balkan sites (windows-1250, or
 * iso-8859-2 when only its letters appear). The decision and how it was made come back with the text.
 */
import iconv from 'iconv-lite'

export interface Decoded {
  text: string
  charset: string
  /** bom | header | meta | xml | utf8-valid | guessed */
  from: 'bom' | 'header' | 'meta' | 'xml' | 'utf8-valid' | 'guessed'
  /** A remark worth a message (a declaration that was wrong, an unknown charset name). */
  note?: string
}

/** The charset parameter of a Content-Type header value. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')
  return m ? m[1]!.toLowerCase() : undefined
}

/** The charset a document declares in its first bytes: `<meta charset>`, `<meta http-equiv>` or the XML declaration. */
export function declaredCharset(bytes: Uint8Array): { charset: string; from: 'meta' | 'xml' } | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1')
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)
  if (xml) return { charset: xml[1]!.toLowerCase(), from: 'xml' }
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  if (meta) return { charset: meta[1]!.toLowerCase(), from: 'meta' }
  return undefined
}

function validUtf8(bytes: Uint8Array): boolean {
  try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); return true } catch { return false }
}

/** Which legacy Central European charset the bytes look like. */
export function guessLegacy(bytes: Uint8Array): string {
  let c1 = 0, isoOnly = 0
  for (const b of bytes) {
    if (b >= 0x80 && b <= 0x9f) c1++ // printable in windows-1250 (š ž Š Ž „ “ …), control codes in iso-8859-2
    else if (b === 0xb9 || b === 0xbe || b === 0xa9 || b === 0xae) isoOnly++ // š ž Š Ž in iso-8859-2
  }
  return c1 === 0 && isoOnly > 0 ? 'iso-8859-2' : 'windows-1250'
}

function decodeAs(bytes: Uint8Array, charset: string): string {
  return iconv.decode(Buffer.from(bytes), charset)
}

/** Decodes bytes to text; never throws. */
export function decodeBytes(bytes: Uint8Array, options: { contentType?: string } = {}): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeAs(bytes.subarray(3), 'utf-8'), charset: 'utf-8', from: 'bom' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeAs(bytes.subarray(2), 'utf-16le'), charset: 'utf-16le', from: 'bom' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeAs(bytes.subarray(2), 'utf-16be'), charset: 'utf-16be', from: 'bom' }
  const header = charsetOfContentType(options.contentType)
  const declared = header ? { charset: header, from: 'header' as const } : declaredCharset(bytes)
  let note: string | undefined
  if (declared) {
    const name = declared.charset
    if (!iconv.encodingExists(name)) note = `unknown charset "${name}" declared (${declared.from}); charset taken from the bytes`
    else if (/^utf-?8$/i.test(name) && !validUtf8(bytes)) note = `declared ${name} (${declared.from}) but the bytes are not UTF-8; charset taken from the bytes`
    else return { text: decodeAs(bytes, name), charset: name, from: declared.from }
  }
  if (validUtf8(bytes)) return { text: decodeAs(bytes, 'utf-8'), charset: 'utf-8', from: 'utf8-valid', ...(note ? { note } : {}) }
  const legacy = guessLegacy(bytes)
  return { text: decodeAs(bytes, legacy), charset: legacy, from: 'guessed', note: note ?? `not UTF-8 and no charset declared; read as ${legacy}` }
}
