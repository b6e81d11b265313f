/** Case-, diacritics- and punctuation-insensitive form of a place name: "Saint-Étienne" → "saint etienne". */
export function normalizeName(name: string): string;
