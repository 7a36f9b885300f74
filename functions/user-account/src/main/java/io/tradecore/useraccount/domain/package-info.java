/** The user aggregate as a pure decider, its commands, events, states and value objects. No framework here. */
package io.tradecore.useraccount.domain;
