import type { AnswerFormat } from './content-negotiation';
import type { Prediction } from './read-predictions';

// With the charset spelled out, the Content-Type is the same on AWS and on the embedded stack
// (serverless-offline's hapi appends `; charset=utf-8` to a text type without one).
const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';

/** A response body and its Content-Type. */
export interface Answer {
  contentType: typeof JSON_TYPE | typeof CSV_TYPE;
  body: string;
}

/** Which model version answered. */
export interface AnsweringModel {
  name: string;
  version: string;
}

/** One CSV field by RFC 4180: quoted (with `""`) only when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One prediction as a CSV line: a number, numbers, a label, or `id,distance_km` per neighbour. */
function csvLine(prediction: Prediction): string {
  if (typeof prediction === 'number') return csvField(prediction);
  if (Array.isArray(prediction)) {
    return prediction
      .map((item) => (typeof item === 'number' ? csvField(item) : `${csvField(item.id)},${item.distance_km}`))
      .join(',');
  }
  return csvField(prediction.label);
}

/**
 * The answer in the format the caller accepts: JSON `{"predictions": [...], "model", "version"}`,
 * or CSV with one line per input row (the value, the probability, the label, or each neighbour's
 * `id,distance_km`), as SageMaker's built-in algorithms answer.
 */
export function formatAnswer(predictions: Prediction[], format: AnswerFormat, model: AnsweringModel): Answer {
  if (format === 'csv') {
    return { contentType: CSV_TYPE, body: `${predictions.map(csvLine).join('\n')}\n` };
  }
  return {
    contentType: JSON_TYPE,
    body: JSON.stringify({ predictions, model: model.name, version: model.version }),
  };
}
