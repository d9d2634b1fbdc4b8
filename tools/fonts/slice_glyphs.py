#!/usr/bin/python3
"""Slices the fonts for glyphs on demand, at build time (src/render/CMakeLists.txt runs it).

The UI font embedded in the app (Inter, subset to Basic Latin, Latin-1 and Latin Extended-A: see
src/render/CMakeLists.txt) draws English. Every other glyph comes from a *slice*: a small font file
served beside the page (web) or the app (desktop) and fetched only when a codepoint of it is drawn.

  - Inter (fonts-inter): Latin Extended-B, IPA and combining marks, Latin Extended Additional
    (Vietnamese), Latin Extended-C/D, Greek, Greek Extended, Cyrillic, symbols.
  - Noto Sans CJK SC (fonts-noto-cjk): Han (simplified and traditional forms in Chinese shapes),
    Kana, Hangul, CJK punctuation and fullwidth forms, in blocks of 128 codepoints.
  - ui-zh: every codepoint of the Chinese UI catalog (src/ui/words/catalog_zh.cpp), one slice, so the
    Chinese UI costs one fetch instead of dozens. Codepoints in it are served from it.

Slicing Noto Sans CJK takes about a minute, so the slices are cached under --cache, keyed by this
script and the font files; the ui-zh slice is cut again whenever the catalog changes.

Writes --out/<version>/<slice>.otf (the served folder; the version is a hash of every slice's
contents, so a web server may cache it forever) and --table (the C++ table the app compiles in:
which slice draws which codepoints, see src/render/glyph_table.h).

--endonym-out FILE gets the few CJK glyphs the English UI shows too (the language switch's "中文",
given as --endonym-codepoints 4E2D,6587), embedded in the app so the English page fetches nothing.

Usage: slice_glyphs.py --cache DIR --out DIR --table FILE [--catalog FILE]
                       [--endonym-out FILE --endonym-codepoints HEX,HEX...]
"""
import argparse
import hashlib
import json
import multiprocessing
import os
import shutil
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

INTER = '/usr/share/fonts/opentype/inter/Inter-Regular.otf'
NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
NOTO_CJK_SC = 2  # index of "Noto Sans CJK SC" in the collection

# What the embedded font already draws: keep in step with src/render/ui_font.cpp.
EMBEDDED = [(0x20, 0x17F), (0x218, 0x21B), (0x2013, 0x2014), (0x2018, 0x201D), (0x2022, 0x2022),
            (0x2026, 0x2026), (0x20AC, 0x20AC), (0x2190, 0x2193), (0x2212, 0x2212), (0x2713, 0x2713),
            (0x2717, 0x2717)]

INTER_SLICES = {
    'latin-ext-b': [(0x0180, 0x024F)],
    'latin-ipa-marks': [(0x0250, 0x036F)],
    'latin-ext-additional': [(0x1E00, 0x1EFF)],  # Vietnamese
    'latin-ext-cd': [(0x2C60, 0x2C7F), (0xA720, 0xA7FF)],
    'greek': [(0x0370, 0x03FF)],
    'greek-ext': [(0x1F00, 0x1FFF)],
    'cyrillic': [(0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)],
    'symbols': [(0x2000, 0x2BFF)],
}

CJK_RANGES = [(0x1100, 0x11FF), (0x3000, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF), (0x3400, 0x4DBF),
              (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFF00, 0xFFEF)]
CJK_BLOCK = 128


def subset_options():
    options = subset.Options()
    options.layout_features = []  # ImGui does no shaping: no GSUB/GPOS
    options.drop_tables += ['GSUB', 'GPOS', 'GDEF', 'BASE', 'VORG', 'vhea', 'vmtx', 'DSIG', 'JSTF', 'MATH']
    options.hinting = False
    options.desubroutinize = True  # flat charstrings: stb_truetype reads them as well, and faster
    options.notdef_outline = False
    options.name_IDs = [1, 2]
    options.glyph_names = False
    return options


def codepoints(ranges):
    return [c for first, last in ranges for c in range(first, last + 1)]


def write_subset(source, number, cps, path):
    # recalcTimestamp=False: the source's own head.modified, not the time of the build, so the same
    # inputs give the same bytes (the UI font's file name under glyphs/ is its fingerprint).
    font = TTFont(source, fontNumber=number, recalcTimestamp=False) if number is not None \
        else TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(subset_options())
    subsetter.populate(unicodes=cps)
    subsetter.subset(font)
    font.save(path)


def cut_slice(job):
    name, source, number, cps, folder = job
    temp = os.path.join(folder, name + '.tmp')
    write_subset(source, number, cps, temp)
    with open(temp, 'rb') as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:10]
    file = f'{name}-{digest}.otf'
    os.replace(temp, os.path.join(folder, file))
    return {'name': name, 'file': file, 'bytes': os.path.getsize(os.path.join(folder, file)), 'cps': cps}


def file_key(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()


def range_slices(cache):
    """The catalog-independent slices, cut once per script and font version."""
    key = hashlib.sha256(open(__file__, 'rb').read())
    for path in (INTER, NOTO_CJK):
        key.update(file_key(path).encode())
    folder = os.path.join(cache, 'slices-' + key.hexdigest()[:12])
    manifest = os.path.join(folder, 'slices.json')
    if os.path.exists(manifest):
        with open(manifest) as f:
            return folder, json.load(f)
    work = folder + f'.tmp{os.getpid()}'
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)

    embedded = set(codepoints(EMBEDDED))
    inter = set(TTFont(INTER).getBestCmap())
    jobs = []
    taken = set(embedded)
    for name, ranges in INTER_SLICES.items():
        cps = [c for c in codepoints(ranges) if c in inter and c not in taken]
        taken.update(cps)
        jobs.append((name, INTER, None, cps, work))

    cjk_cmap = set(TTFont(NOTO_CJK, fontNumber=NOTO_CJK_SC).getBestCmap())
    cjk = [c for c in codepoints(CJK_RANGES) if c in cjk_cmap and c not in taken and c not in inter]
    # One pass over the 19 MB collection down to the codepoints used, then each block from that.
    all_cjk = os.path.join(work, 'all-cjk.otf')
    write_subset(NOTO_CJK, NOTO_CJK_SC, cjk, all_cjk)
    blocks = {}
    for c in cjk:
        blocks.setdefault(c // CJK_BLOCK, []).append(c)
    for block, cps in sorted(blocks.items()):
        jobs.append((f'cjk-{block * CJK_BLOCK:04x}', all_cjk, None, cps, work))

    with multiprocessing.Pool(min(2, os.cpu_count() or 1)) as pool:
        slices = pool.map(cut_slice, jobs)
    with open(os.path.join(work, 'slices.json'), 'w') as f:
        json.dump(slices, f)
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(work, folder)
    return folder, slices


def catalog_slice(cache, folder, slices, catalog):
    """ui-zh: the codepoints of the Chinese UI catalog that a CJK slice draws."""
    if not catalog or not os.path.exists(catalog):
        return None
    with open(catalog, encoding='utf-8') as f:
        wanted = sorted({ord(ch) for ch in f.read() if ord(ch) >= 0x80})
    cjk_cps = {c for s in slices if s['name'].startswith('cjk-') for c in s['cps']}
    cps = [c for c in wanted if c in cjk_cps]
    if not cps:
        return None
    return cut_slice(('ui-zh', os.path.join(folder, 'all-cjk.otf'), None, cps, cache))


def write_table(path, folder, served):
    """The C++ table: slice names, the runs of codepoints each range slice draws, and ui-zh's list."""
    ranges = [x for x in served if x['name'] != 'ui-zh']
    owner = {}
    for index, x in enumerate(ranges):
        for c in x['cps']:
            owner[c] = index
    runs = []
    for c in sorted(owner):
        if runs and runs[-1][1] == c - 1 and runs[-1][2] == owner[c]:
            runs[-1][1] = c
        else:
            runs.append([c, c, owner[c]])
    ui = [x for x in served if x['name'] == 'ui-zh']
    ui_cps = ui[0]['cps'] if ui else []
    names = [x['name'] for x in ranges] + ['ui-zh'] * len(ui)
    lines = ['// Generated by tools/fonts/slice_glyphs.py at build time: do not edit.',
             '#include "render/glyph_table.h"', '', 'namespace rd::render {', '',
             f'const char glyph_folder[] = "{folder}/";', 'const char* const glyph_slice_names[] = {']
    lines += [f'    "{n}",' for n in names]
    lines += ['};', f'const std::size_t glyph_slice_count = {len(names)};', '', 'const GlyphRun glyph_runs[] = {']
    lines += [f'    {{0x{a:04X}, 0x{b:04X}, {i}}},' for a, b, i in runs]
    lines += ['};', f'const std::size_t glyph_run_count = {len(runs)};', '',
              f'const int glyph_ui_zh_slice = {len(ranges) if ui else -1};',
              'const std::uint16_t glyph_ui_zh_codepoints[] = {']
    lines += ['    ' + ', '.join(f'0x{c:04X}' for c in ui_cps[i:i + 12]) + ',' for i in range(0, len(ui_cps), 12)]
    lines += ['    0, // (never empty)', '};', f'const std::size_t glyph_ui_zh_codepoint_count = {len(ui_cps)};', '',
              '} // namespace rd::render', '']
    text = '\n'.join(lines)
    if not os.path.exists(path) or open(path).read() != text:
        with open(path, 'w') as f:
            f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--cache', required=True)
    parser.add_argument('--out', required=True)
    parser.add_argument('--table', required=True)
    parser.add_argument('--catalog')
    parser.add_argument('--endonym-out')
    parser.add_argument('--endonym-codepoints', default='')
    args = parser.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    folder, slices = range_slices(args.cache)
    served = list(slices)
    ui = catalog_slice(args.cache, folder, slices, args.catalog)
    if ui:
        served.append(ui)
    # One folder per set of slices, named by their contents: cacheable forever, replaced as a whole.
    version = hashlib.sha256()
    for x in served:
        version.update(x['name'].encode() + x['file'].encode())
    version = version.hexdigest()[:12]
    shutil.rmtree(args.out, ignore_errors=True)
    target = os.path.join(args.out, version)
    os.makedirs(target)
    for x in served:
        source = os.path.join(args.cache if x is ui else folder, x['file'])
        shutil.copyfile(source, os.path.join(target, x['name'] + '.otf'))
    if ui:
        os.remove(os.path.join(args.cache, ui['file']))
    write_table(args.table, version, served)
    if args.endonym_out:
        cps = [int(c, 16) for c in args.endonym_codepoints.split(',') if c]
        write_subset(os.path.join(folder, 'all-cjk.otf'), None, cps, args.endonym_out + '.tmp')
        os.replace(args.endonym_out + '.tmp', args.endonym_out)
    total = sum(x['bytes'] for x in served)
    print(f'glyph slices: {len(served)} files, {total // 1024} KiB in {target}')


if __name__ == '__main__':
    sys.exit(main())
