/**
 * Live events: the signed-in user's own events pushed over a WebSocket as they happen. {@code pushLiveEvents}, a
 * topic-triggered function in the catalog, reads the {@code transport.*} topics that carry user events and publishes
 * each one to the owner's Redis channel ({@link io.tradecore.kernel.live.LiveChannels}); every gateway instance
 * subscribes to the channels of the users connected to it and forwards the messages to their sockets at
 * {@value io.tradecore.kernel.live.LiveEndpoint#PATH}. Redis pub/sub is the seed's "WSE coordination": it fans an
 * event out to every instance without the instances knowing each other. Delivery is at least once and best effort:
 * pub/sub keeps nothing for a socket that is not connected, so the feed tells a client that something changed and
 * the query routes remain the record. Not served on Lambda (API Gateway WebSocket APIs are out of scope); the
 * fan-out function runs there as any projector does.
 */
package io.tradecore.kernel.live;
