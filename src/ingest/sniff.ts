/** Tells what kind of input some bytes are: an HTML page, an RSS/Atom feed, JSON (Lines), plain text or binary. */
import { extname } from 'node:path'
import { binaryReason } from '../input/read-inputs.js'

export type InputKind = 'html' | 'feed' | 'xml' | 'json' | 'text' | 'binary'

/** The kind of an input from its first characters, its media type and its name, in that order of trust. */
export function sniffKind(bytes: Uint8Array, name = '', contentType = ''): InputKind {
  if (bytes.length === 0) return 'text'
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (!utf16 && binaryReason(bytes)) return 'binary'
  const head = (utf16 ? Buffer.from(bytes.subarray(0, 4096)).toString(bytes[0] === 0xff ? 'utf16le' : 'latin1').replace(/\0/g, '') : Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '').replace(/^\s+/, '').toLowerCase()
  const body = head.replace(/^(<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*)+/, '')
  if (/^<(rss|feed|rdf:rdf)[\s>]/.test(body)) return 'feed'
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]/.test(body)) return 'html'
  if (head.startsWith('<?xml')) return /<html[\s>]/.test(body) ? 'html' : 'xml'
  const type = contentType.toLowerCase()
  if (/html/.test(type)) return 'html'
  if (/rss|atom/.test(type)) return 'feed'
  if (head.startsWith('{') || head.startsWith('[')) return 'json'
  const ext = extname(name.replace(/[?#].*$/, '')).toLowerCase()
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html'
  if (ext === '.rss' || ext === '.atom') return 'feed'
  if (ext === '.xml') return 'xml'
  if (body.startsWith('<') && /<\/(p|div|article|span)>/.test(body)) return 'html'
  return 'text'
}
