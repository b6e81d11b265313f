import type { SchemaNode } from './openapi';

/** A schema as a nested list: each property with its type, required mark and description. */
export function SchemaView({ node }: { node: SchemaNode }) {
  return (
    <div class="schema">
      <code class="type">
        {node.title && !node.type.startsWith(node.title) ? `${node.title}: ${node.type}` : node.type}
      </code>
      {node.description && <span class="muted"> — {node.description}</span>}
      {node.properties && (
        <ul>
          {node.properties.map((p) => (
            <li key={p.name}>
              <code class="prop">{p.name}</code>
              {p.required ? <span class="required"> required</span> : <span class="muted"> optional</span>}{' '}
              <SchemaView node={p.node} />
            </li>
          ))}
        </ul>
      )}
      {node.items && (
        <ul>
          <li>
            <span class="muted">items: </span>
            <SchemaView node={node.items} />
          </li>
        </ul>
      )}
      {node.variants && (
        <ul>
          {node.variants.map((v, i) => (
            <li key={`${i}-${v.type}`}>
              <SchemaView node={v} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
