/** Account books: cash, net external flows and holdings netted from settled fills, valued at last prices. */
package io.tradecore.portfolio.domain.book;
