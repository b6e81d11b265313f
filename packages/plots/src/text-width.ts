// Helvetica's advance widths (Adobe's core-font metrics, 1/1000 em) for ASCII 32..126.
// prettier-ignore
const HELVETICA = [
  278,
  278,
  355,
  556,
  556,
  889,
  667,
  191,
  333,
  333,
  389,
  584,
  278,
  333,
  278,
  278, // space ! " # $ % & ' ( ) * + , - . /
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  278,
  278,
  584,
  584,
  584,
  556, // 0-9 : ; < = > ?
  1015,
  667,
  667,
  722,
  722,
  667,
  611,
  778,
  722,
  278,
  500,
  667,
  556,
  833,
  722,
  778, // @ A-O
  667,
  778,
  722,
  667,
  611,
  722,
  667,
  944,
  667,
  667,
  611,
  278,
  278,
  278,
  469,
  556, // P-Z [ \ ] ^ _
  333,
  556,
  556,
  500,
  556,
  556,
  278,
  556,
  556,
  222,
  222,
  500,
  222,
  833,
  556,
  556, // ` a-o
  556,
  556,
  333,
  500,
  278,
  556,
  500,
  722,
  500,
  500,
  500,
  334,
  260,
  334,
  584, // p-z { | } ~
];
/** Anything else (–, −, ×, ², letters with accents): about a digit's width. */
const OTHER = 556;
/** Bold Helvetica runs about 6% wider on average. */
const BOLD = 1.06;

/** The width in pixels of `text` set in Helvetica at `fontSize`: the same on every machine, no canvas needed. */
export function helveticaWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    units += code >= 32 && code <= 126 ? HELVETICA[code - 32] : OTHER;
  }
  return (units / 1000) * fontSize * (bold ? BOLD : 1);
}

/** What vega's text metrics hand a width function: a text mark item. */
interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

/**
 * Vega's `textMetrics.width` replacement (its documented hook, as vl-convert uses): without a canvas
 * vega guesses 0.8 em a character, which stretches plots with long titles and cuts legend labels.
 */
export function vegaTextWidth(item: TextItem, text?: unknown): number {
  const value = text ?? item.text;
  const line = Array.isArray(value) ? value.join(' ') : value == null ? '' : String(value);
  const weight = item.fontWeight;
  const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
  return helveticaWidth(line, item.fontSize ?? 11, bold);
}
