import { formatMetric } from './registry';

/** A metrics table's rows, one per metric: its name and its formatted value. */
export function MetricRows({ metrics }: { metrics: Record<string, number> }) {
  return (
    <tbody>
      {Object.entries(metrics).map(([key, value]) => (
        <tr key={key}>
          <th scope="row">{key}</th>
          <td>{formatMetric(value)}</td>
        </tr>
      ))}
    </tbody>
  );
}
