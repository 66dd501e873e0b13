// The connector classes Eddy runs itself, by the names a 'connector.class' may give. Each checks
// its config at CREATE (a bad one fails the statement) and builds the task that runs.
import type { Properties } from '../../../grammar/ast.js';
import type { ConnectorConfig } from './connector-config.js';
import type { ConnectorTask, TaskContext } from './connector-task.js';
import { mqttSourceConfig } from './mqtt-source-config.js';
import { MqttSource } from './mqtt-source.js';

export interface CheckedConnector {
  /** The Kafka topics it writes (source) or reads (sink). */
  topics: string[];
  /** How to create each missing topic. */
  topicSpec: { partitions: number; replicas: number };
  create(ctx: TaskContext): ConnectorTask;
}

export interface ConnectorClass {
  /** The canonical name SHOW and DESCRIBE print. */
  name: string;
  type: 'SOURCE' | 'SINK';
  check(config: ConnectorConfig, props: Properties, defaults: { clientId: string }): CheckedConnector;
}

const mqttSource: ConnectorClass = {
  name: 'MqttSource',
  type: 'SOURCE',
  check(config, props, defaults) {
    const cfg = mqttSourceConfig(config, props, defaults.clientId);
    return {
      topics: [cfg.kafkaTopic],
      topicSpec: { partitions: cfg.partitions, replicas: cfg.replicas },
      create: (ctx) => new MqttSource(cfg, ctx),
    };
  },
};

/** By lower-case name: Eddy's short one, and Confluent's class names for the same connector. */
const CLASSES = new Map<string, ConnectorClass>([
  ['mqttsource', mqttSource],
  ['mqttsourceconnector', mqttSource],
  ['io.confluent.connect.mqtt.mqttsourceconnector', mqttSource],
]);

export function connectorClass(name: string): ConnectorClass | undefined {
  return CLASSES.get(name.trim().toLowerCase());
}

export const CONNECTOR_CLASS_NAMES = ['MqttSource'];
