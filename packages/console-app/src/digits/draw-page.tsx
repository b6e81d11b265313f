import { useMemo, useRef, useState } from 'preact/hooks';
import { ErrorNotice } from '../notices';
import { blankBitmap, type Cell, downsample, fitToBox, isBlank, paintLine } from './bitmap';
import { DrawingCanvas } from './drawing-canvas';
import { InputPreview, PredictionView } from './prediction-view';
import { usePrediction } from './use-prediction';

const PENS = [
  { width: 1, label: 'Fine' },
  { width: 2, label: 'Medium' },
  { width: 3, label: 'Bold' },
];

/** Draw a digit: the canvas, its 8×8 model input, and the prediction as you draw. */
export function DrawPage() {
  const bitmap = useRef(blankBitmap());
  const [revision, setRevision] = useState(0);
  const [pen, setPen] = useState(3);
  const [fit, setFit] = useState(true);
  const image = useMemo(() => {
    if (isBlank(bitmap.current)) return undefined;
    return downsample(fit ? fitToBox(bitmap.current) : bitmap.current);
  }, [revision, fit]);
  const prediction = usePrediction(image);

  const onStroke = (from: Cell, to: Cell) => {
    paintLine(bitmap.current, from, to, pen);
    setRevision((r) => r + 1);
  };
  const clear = () => {
    bitmap.current = blankBitmap();
    setRevision((r) => r + 1);
  };

  return (
    <>
      <h1 tabIndex={-1}>Draw a digit</h1>
      <p class="lede">
        Draw 0–9 large; the digits model (<code>POST /digits/predict</code>) answers as you draw. It sees the drawing as
        the dataset it learned from was made: a 32×32 bitmap cut into 4×4 blocks, each counted 0–16.
      </p>
      <div class="draw-layout">
        <div class="draw-area">
          <DrawingCanvas bitmap={bitmap.current} revision={revision} onStroke={onStroke} />
          <div class="draw-tools">
            <fieldset>
              <legend>Pen</legend>
              {PENS.map((p) => (
                <label key={p.width}>
                  <input
                    type="radio"
                    name="pen"
                    value={p.width}
                    checked={pen === p.width}
                    onChange={() => setPen(p.width)}
                  />
                  {p.label}
                </label>
              ))}
            </fieldset>
            <label>
              <input type="checkbox" checked={fit} onChange={(e) => setFit(e.currentTarget.checked)} />
              Scale to fill the box
            </label>
            <button type="button" onClick={clear} disabled={!image}>
              Clear
            </button>
          </div>
        </div>
        <div class="draw-result">
          {image && <InputPreview image={image} />}
          {prediction.state === 'failed' ? (
            <ErrorNotice error={prediction.error} what="POST /digits/predict" />
          ) : (
            <PredictionView prediction={prediction} />
          )}
        </div>
      </div>
    </>
  );
}
