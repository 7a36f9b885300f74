/** JSON mapping shared by the event store, the gateway and the Kafka messages. */
package io.tradecore.kernel.json;
