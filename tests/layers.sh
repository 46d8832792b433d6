#!/bin/sh
# The layer rules of docs/DESIGN.md, as one TAP case (scripts/check-layers.sh).
echo "1..1"
if out=$(sh "${PF_SRCDIR:-.}/scripts/check-layers.sh" 2>&1); then
	echo "ok 1 - every include of src/ follows the layers"
else
	echo "not ok 1 - every include of src/ follows the layers"
	printf '%s\n' "$out" | sed 's/^/# /'
fi
