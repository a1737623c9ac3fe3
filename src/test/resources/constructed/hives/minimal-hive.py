#!/usr/bin/env python3
"""Writes an empty registry hive (regf): a base block, one 4 KiB hive bin holding the root key
node, its security cell and one free cell. Only a start for hivexsh, which adds keys and values."""
import struct, sys

def cell(payload):
    size = (4 + len(payload) + 7) & ~7
    return struct.pack('<i', -size) + payload + b'\0' * (size - 4 - len(payload))

# self-relative security descriptor: revision 1, SE_SELF_RELATIVE | SE_DACL_PRESENT, empty DACL
sd = struct.pack('<BBHIIII', 1, 0, 0x8004, 0, 0, 0, 20) + struct.pack('<BBHHH', 2, 0, 8, 0, 0)
root_at, root_name = 0x20, b'ROOT'
nk = (b'nk' + struct.pack('<H', 0x2C) + struct.pack('<Q', 0) + struct.pack('<I', 0)
      + struct.pack('<I', 0xFFFFFFFF)          # parent
      + struct.pack('<II', 0, 0)                # subkeys, volatile subkeys
      + struct.pack('<ii', -1, -1)              # subkey lists
      + struct.pack('<I', 0) + struct.pack('<i', -1)  # values
      + struct.pack('<i', 0)                    # security cell, patched below
      + struct.pack('<i', -1)                   # class name
      + struct.pack('<IIIII', 0, 0, 0, 0, 0)    # max lengths, workvar
      + struct.pack('<HH', len(root_name), 0) + root_name)
nk_cell = cell(nk)
sk_at = root_at + len(nk_cell)
nk_cell = nk_cell[:4 + 0x2C] + struct.pack('<i', sk_at) + nk_cell[4 + 0x30:]
sk_cell = cell(b'sk' + b'\0\0' + struct.pack('<iiI', sk_at, sk_at, 1) + struct.pack('<I', len(sd)) + sd)
body = nk_cell + sk_cell
free = 4096 - 0x20 - len(body)
hbin = b'hbin' + struct.pack('<IIII', 0, 4096, 0, 0) + struct.pack('<Q', 0) + struct.pack('<I', 0) + body + struct.pack('<i', free) + b'\0' * (free - 4)
assert len(hbin) == 4096
base = bytearray(4096)
struct.pack_into('<4sIIQIIIIII', base, 0, b'regf', 1, 1, 0, 1, 3, 0, 1, root_at, 4096)
struct.pack_into('<I', base, 0x2C, 1)
checksum = 0
for i in range(0, 0x1FC, 4):
    checksum ^= struct.unpack_from('<I', base, i)[0]
struct.pack_into('<I', base, 0x1FC, checksum)
open(sys.argv[1], 'wb').write(bytes(base) + hbin)
