// EXPLAIN <query id> | EXPLAIN <statement>: prints the physical plan.
import type { Explain } from '../../grammar/ast.js';
import type { EngineState } from './engine-state.js';
import type { StatementResult } from './statement-result.js';
import type { Step } from '../plan/physical-plan.js';
import { planSelect } from '../plan/plan-select.js';
import { explainPlan } from './explain.js';
import { SqlError } from '../types/sql-error.js';
import { STRING } from '../types/sql-type.js';

export function executeExplain(state: EngineState, s: Explain): StatementResult {
  let root: Step;
  if (s.queryId) {
    const q = state.queries.get(s.queryId) ?? [...state.queries.values()].find((x) => x.id.toUpperCase() === s.queryId!.toUpperCase());
    if (!q) throw new SqlError('UNKNOWN_QUERY', `Query with id:${s.queryId} does not exist, use SHOW QUERIES to view the full set of running queries.`, { position: s.span });
    root = q.root;
  } else {
    const st = s.statement!;
    const query = st.kind === 'Query' || st.kind === 'CreateAsSelect' || st.kind === 'InsertInto' ? st.query : undefined;
    if (!query) throw new SqlError('INVALID_STATEMENT', 'EXPLAIN takes a query, a CREATE ... AS SELECT, an INSERT INTO ... SELECT, or a query id.', { position: s.span });
    const sinkName = st.kind === 'CreateAsSelect' ? st.name : st.kind === 'InsertInto' ? st.target : undefined;
    root = planSelect(query, { catalog: state.catalog, registry: state.registry, properties: state.properties }, { sinkName });
  }
  return { kind: 'rows', statement: s.text, columns: [{ name: 'Plan', type: STRING }], rows: explainPlan(root).map((l) => [l]) };
}
