// One normaliser for the index builder (build time) and the geocoder (run time): a key in
// the index must be made exactly like the query that looks it up.
'use strict';

// Letters that Unicode does not decompose into a base letter plus a mark.
const FOLDS = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

/** Case-, diacritics- and punctuation-insensitive form of a place name: "Saint-Étienne" → "saint etienne". */
function normalizeName(name) {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßøæœłđðþıħ]/g, (c) => FOLDS[c])
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

module.exports = { normalizeName };
