/** The records portfolio's functions take and answer: command bodies, query parameters, views. */
package io.tradecore.portfolio.api;
