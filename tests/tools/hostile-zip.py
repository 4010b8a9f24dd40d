#!/usr/bin/env python3
# hostile-zip.py: derives a damaged or hostile ZIP from a good bundle, for
# the verifier's tests. Usage: hostile-zip.py IN.zip OUT.zip MODE [ENTRY]
#
# Modes: tamper ENTRY (same size, one byte changed, CRC recomputed so only
# the SHA-256 check can tell), remove ENTRY, add, absolute, dotdot,
# backslash, symlink, dirdata, duplicate, casedup, many, oversized, ratio,
# format, notzip.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import copy as copying
import struct
import sys
import warnings
import zipfile

BIG = 0xF0000000  # declared size beyond PF_BUNDLE_MAX_ENTRY_SIZE


def tampered(name, data):
    if name == 'manifest.json':
        # Keep the JSON valid so that only the checksum can tell.
        assert b'Preflight' in data
        return data.replace(b'Preflight', b'preflight', 1)
    data = bytearray(data)
    data[len(data) // 2] ^= 0x01
    return bytes(data)


def copy(zin, zout, skip=None, change=None):
    for info in zin.infolist():
        if info.filename == skip:
            continue
        data = zin.read(info)
        if info.filename == change:
            data = tampered(info.filename, data)
        elif change == 'manifest.json+format' and info.filename == 'manifest.json':
            data = data.replace(b'preflight-bundle/1', b'preflight-bundle/99', 1)
        # writestr() moves the ZipInfo's header offset: give it a copy.
        zout.writestr(copying.copy(info), data)


def patch_sizes(path, name, size):
    """Sets the uncompressed size of NAME in its local and central headers."""
    with open(path, 'rb') as f:
        blob = bytearray(f.read())
    encoded = name.encode()
    patched = 0
    pos = 0
    while True:
        pos = blob.find(b'PK\x03\x04', pos)
        if pos < 0:
            break
        name_len = struct.unpack_from('<H', blob, pos + 26)[0]
        if blob[pos + 30:pos + 30 + name_len] == encoded:
            struct.pack_into('<I', blob, pos + 22, size)
            patched += 1
        pos += 4
    pos = 0
    while True:
        pos = blob.find(b'PK\x01\x02', pos)
        if pos < 0:
            break
        name_len = struct.unpack_from('<H', blob, pos + 28)[0]
        if blob[pos + 46:pos + 46 + name_len] == encoded:
            struct.pack_into('<I', blob, pos + 24, size)
            patched += 1
        pos += 4
    assert patched == 2, patched
    with open(path, 'wb') as f:
        f.write(blob)


def main():
    src, dst, mode = sys.argv[1:4]
    arg = sys.argv[4] if len(sys.argv) > 4 else None

    if mode == 'notzip':
        with open(dst, 'wb') as f:
            f.write(b'This is not a ZIP archive.\n' * 10)
        return

    warnings.simplefilter('ignore')  # zipfile warns about duplicate names
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w') as zout:
        if mode == 'tamper':
            copy(zin, zout, change=arg)
        elif mode == 'remove':
            copy(zin, zout, skip=arg)
        elif mode == 'format':
            copy(zin, zout, change='manifest.json+format')
        else:
            copy(zin, zout)
            if mode == 'add':
                zout.writestr('evidence/extra.txt', b'added after export\n')
            elif mode == 'absolute':
                zout.writestr('/tmp/preflight-evil', b'evil\n')
            elif mode == 'dotdot':
                zout.writestr('evidence/../../preflight-evil', b'evil\n')
            elif mode == 'backslash':
                zout.writestr('evidence\\evil.txt', b'evil\n')
            elif mode == 'symlink':
                info = zipfile.ZipInfo('evidence/link')
                info.create_system = 3
                info.external_attr = (0o120777 << 16)
                zout.writestr(info, b'/etc/passwd')
            elif mode == 'duplicate':
                zout.writestr('report.html', zin.read('report.html'))
            elif mode == 'casedup':
                zout.writestr('Report.HTML', zin.read('report.html'))
            elif mode == 'dirdata':
                zout.writestr('evidence/folder/', b'data in a directory entry\n')
            elif mode == 'many':
                for i in range(10001):
                    zout.writestr('evidence/n%05d' % i, b'')
            elif mode == 'oversized':
                zout.writestr('evidence/big.bin', b'x' * 64)
            elif mode == 'ratio':
                zout.writestr('evidence/zeros.bin', bytes(16 << 20),
                              compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
            else:
                sys.exit('unknown mode ' + mode)

    if mode == 'oversized':
        patch_sizes(dst, 'evidence/big.bin', BIG)


if __name__ == '__main__':
    main()
