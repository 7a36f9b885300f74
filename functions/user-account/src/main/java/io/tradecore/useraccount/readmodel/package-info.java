/** The {@code users} read model: its projector and its SQL queries. */
package io.tradecore.useraccount.readmodel;
