import { test } from 'node:test'
import assert from 'node:assert/strict'
import { privateAddressReason } from './address-policy.js'

test('loopback, private, link-local and reserved addresses are refused; public ones are not', () => {
  for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '[::1]']) {
    assert.ok(privateAddressReason(ip), ip)
  }
  for (const ip of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111']) assert.equal(privateAddressReason(ip), undefined, ip)
})
