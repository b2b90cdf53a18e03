/**
 * Which network addresses a fetch may connect to: public ones only, unless private addresses are explicitly
 * allowed (`--allow-private`). Loopback, private (RFC 1918, ULA), link-local, CGNAT, documentation, multicast and
 * reserved ranges are refused, including IPv4 addresses mapped into IPv6.
 */
import { BlockList, isIP } from 'node:net'

const blocked = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64], ['64:ff9b:1::', 48],
] as const) blocked.addSubnet(net, prefix, 'ipv6')

/** Why an address may not be fetched from, or undefined when it is public. */
export function privateAddressReason(address: string): string | undefined {
  const ip = address.replace(/^\[|\]$/g, '')
  const family = isIP(ip)
  if (family === 0) return `"${address}" is not an IP address`
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
    if (mapped) return privateAddressReason(mapped[1]!)
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip)
    if (hex) { const a = parseInt(hex[1]!, 16), b = parseInt(hex[2]!, 16); return privateAddressReason(`${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`) }
    if (blocked.check(ip, 'ipv6')) return `${ip} is a private, loopback or reserved address`
    return undefined
  }
  return blocked.check(ip, 'ipv4') ? `${ip} is a private, loopback or reserved address` : undefined
}
