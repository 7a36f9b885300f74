/** The {@code orders} and {@code order_fills} read models: their projector and their SQL queries. */
package io.tradecore.order.readmodel;
