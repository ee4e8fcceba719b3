#!/usr/bin/env python3
"""Writes an XLSX workbook for the table readers' tests from a JSON description on stdin.

  {"output": PATH, "sheets": [{"name": N, "rows": [[CELL, ...], ...]}]}
      through openpyxl, as a spreadsheet program writes it (shared strings). A CELL is a
      JSON string, number, boolean or null, or {"datetime": "2023-07-15T12:00:00"}.
  {"output": PATH, "xml_sheets": [{"name": N, "xml": "<sheetData>...</sheetData>"}],
   "shared_strings_xml": "<si>...</si>...", "absolute_targets": true,
   "filler": "<x/>", "filler_bytes": 200000000, "parts": {NAME: TEXT}, "drop": [NAME]}
      the parts written by hand, for what openpyxl never writes (inline strings, t="str",
      sparse rows, rich text, phonetic runs); the filler is repeated inside the first
      sheet's <sheetData> before its rows, deflated (a ZIP bomb); "parts" adds or replaces
      parts, "drop" leaves some out.
  {"output": PATH, "huge_sheet_bytes": N}
      a workbook whose one sheet unpacks to N bytes of white space while its header
      claims 100 bytes: the deflate stream is one self-contained block repeated, so the
      file stays small and quick to make whatever N is.
"""
import datetime
import json
import struct
import sys
import zipfile
import zlib

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def with_openpyxl(spec):
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in spec["sheets"]:
        ws = book.create_sheet(sheet["name"])
        for row in sheet["rows"]:
            values = []
            for cell in row:
                if isinstance(cell, dict) and "datetime" in cell:
                    cell = datetime.datetime.fromisoformat(cell["datetime"])
                values.append(cell)
            ws.append(values)
    book.save(spec["output"])


def skeleton(sheet_names, absolute, shared):
    parts = {}
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(len(sheet_names)))
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName='
        '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
        f'main+xml"/>{overrides}</Types>')
    parts["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    sheets = "".join(f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                     for i, name in enumerate(sheet_names))
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{sheets}'
        '</sheets></workbook>')
    prefix = "/xl/" if absolute else ""
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" '
                   f'Target="{prefix}worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheet_names)))
    if shared is not None:
        rels += f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="{prefix}sharedStrings.xml"/>'
        parts["xl/sharedStrings.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">{shared}</sst>'
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">{rels}</Relationships>')
    return parts


def by_hand(spec):
    sheets = spec["xml_sheets"]
    parts = skeleton([s["name"] for s in sheets], spec.get("absolute_targets", False),
                     spec.get("shared_strings_xml"))
    parts.update(spec.get("parts", {}))
    for name in spec.get("drop", []):
        parts.pop(name)
    with zipfile.ZipFile(spec["output"], "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
        for i, sheet in enumerate(sheets):
            name = f"xl/worksheets/sheet{i + 1}.xml"
            if name in spec.get("parts", {}):
                continue
            head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
            filler = spec.get("filler") if i == 0 else None
            if not filler:
                z.writestr(name, head + sheet["xml"] + "</worksheet>")
                continue
            # Streamed into the archive, so the test does not need the bomb in memory.
            xml = sheet["xml"]
            assert xml.startswith("<sheetData>")
            with z.open(name, "w", force_zip64=True) as out:
                out.write((head + "<sheetData>").encode())
                block = (filler * max(1, (1 << 20) // len(filler))).encode()
                left = spec["filler_bytes"]
                while left > 0:
                    out.write(block[:left])
                    left -= len(block)
                out.write((xml[len("<sheetData>"):] + "</worksheet>").encode())


def local_header(name, method, crc, compressed, size):
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, compressed, size, len(name), 0) + name


def central_header(name, method, crc, compressed, size, offset):
    return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc, compressed, size,
                       len(name), 0, 0, 0, 0, 0, offset) + name


def huge(spec):
    parts = skeleton(["Huge"], False, None)
    entries = [(n.encode(), t.encode()) for n, t in parts.items()]
    out = bytearray()
    central = bytearray()
    for name, data in entries:
        crc = zlib.crc32(data)
        offset = len(out)
        out += local_header(name, 0, crc, len(data), len(data)) + data
        central += central_header(name, 0, crc, len(data), len(data), offset)
    # 16 MiB of spaces deflated on their own, ending at a byte boundary with no reference
    # before their start: the same bytes may follow themselves any number of times.
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b" " * (16 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    head = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = head.compress(f'<worksheet xmlns="{MAIN}"><sheetData>'.encode()) + head.flush(zlib.Z_FULL_FLUSH)
    stream = start + block * (spec["huge_sheet_bytes"] // (16 << 20) + 1) + b"\x03\x00"
    name = b"xl/worksheets/sheet1.xml"
    offset = len(out)
    out += local_header(name, 8, 0, len(stream), 100) + stream
    central += central_header(name, 8, 0, len(stream), 100, offset)
    directory = len(out)
    out += central
    count = len(entries) + 1
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), directory, 0)
    with open(spec["output"], "wb") as f:
        f.write(out)


def main():
    spec = json.load(sys.stdin)
    if "sheets" in spec:
        with_openpyxl(spec)
    elif "xml_sheets" in spec:
        by_hand(spec)
    else:
        huge(spec)


if __name__ == "__main__":
    main()
