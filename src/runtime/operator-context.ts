// What operators share within one running query.
import type { FunctionRegistry } from '../../udfs/registry.js';
import type { ProcessingLogger, RecordContext } from './processing-log.js';
import type { SchemaRegistry } from '../format/registry/schema-registry.js';

export interface OperatorContext {
  queryId: string;
  registry: FunctionRegistry;
  properties: Record<string, string>;
  logger: ProcessingLogger;
  /** The input record being processed, updated by the source before each row. */
  current: RecordContext;
  /** Where registry formats (AVRO) find the schemas of the records they read and write. */
  schemaRegistry?: SchemaRegistry;
  /** The log is in this process (Log.keepsRows): sinks keep the rows they encode with the records. */
  keepRows?: boolean;
  /** Sends failing function calls of this query's compiled expressions to its processing log. */
  reportEvaluation?: (e: Error) => void;
}

/** The reporter function for this context, made once. */
export function evaluationReporter(ctx: OperatorContext): (e: Error) => void {
  return (ctx.reportEvaluation ??= (e: Error) => logFailure(ctx, 'EVALUATION', e));
}

/** Sends a failure on the current record to the processing log. */
export function logFailure(ctx: OperatorContext, type: string, err: unknown): void {
  const c = ctx.current;
  ctx.logger.log({
    queryId: ctx.queryId, type, message: err instanceof Error ? err.message : String(err),
    topic: c.topic, partition: c.partition, offset: c.offset,
  });
}
