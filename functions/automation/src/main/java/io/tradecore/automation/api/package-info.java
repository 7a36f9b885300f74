/** The records automation's functions take and answer: request bodies, query parameters and views. */
package io.tradecore.automation.api;
