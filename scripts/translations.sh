#!/usr/bin/env bash
# Refresh the desk's translations:
#
#   bash scripts/translations.sh
#
# 1. pyside6-lupdate reads every tr()/translate() string in agentdesk_desktop/ into
#    resources/translations/agentdesk_{fi,sv,en}.ts (new strings come in as type="unfinished";
#    strings no longer in the code are dropped)
# 2. English is the source language: agentdesk_en.ts gets each source text as its translation
# 3. pyside6-lrelease builds the .qm files the desk loads (commit them with the .ts files)
#
# Translate the Finnish and Swedish with Qt Linguist (.venv/bin/pyside6-linguist FILE.ts) or by
# hand (write the <translation> and remove type="unfinished"), then run this script again.
# tests/ui/test_desk_i18n.py fails while any string is unfinished or missing.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

BIN="${AGENTDESK_VENV:-$REPO/.venv}/bin"
OUT=resources/translations
mkdir -p "$OUT"

mapfile -t SOURCES < <(find agentdesk_desktop -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)

for lang in fi sv en; do
    case "$lang" in
        fi) target=fi_FI ;;
        sv) target=sv_FI ;;
        en) target=en_GB ;;
    esac
    "$BIN/pyside6-lupdate" -no-obsolete -locations relative -source-language en_GB \
        -target-language "$target" "${SOURCES[@]}" -ts "$OUT/agentdesk_$lang.ts"
done

"$BIN/python" - "$OUT/agentdesk_en.ts" <<'EOF'
"""English is the source language: every English translation is its source text."""
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
tree = ET.parse(path)
for message in tree.iter("message"):
    source = message.find("source")
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        # "%n contact(s) waiting": English singular "contact", plural "contacts".
        for old in translation.findall("numerusform"):
            translation.remove(old)
        text = source.text or ""
        singular, plural = text.replace("(s)", ""), text.replace("(s)", "s")
        for form in (singular, plural):
            ET.SubElement(translation, "numerusform").text = form
        translation.text = None
    else:
        translation.text = source.text
    translation.attrib.pop("type", None)
with open(path, "wb") as fh:
    fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(fh, encoding="utf-8", xml_declaration=False)
    fh.write(b"\n")
EOF

for lang in fi sv en; do
    "$BIN/pyside6-lrelease" -silent "$OUT/agentdesk_$lang.ts" -qm "$OUT/agentdesk_$lang.qm"
done

unfinished="$(grep -c 'type="unfinished"' "$OUT"/agentdesk_*.ts || true)"
echo "translations: $OUT/agentdesk_{fi,sv,en}.{ts,qm} updated"
if grep -q 'type="unfinished"' "$OUT"/agentdesk_*.ts; then
    echo "translations: unfinished strings remain:" >&2
    echo "$unfinished" | sed 's/^/  /' >&2
fi
