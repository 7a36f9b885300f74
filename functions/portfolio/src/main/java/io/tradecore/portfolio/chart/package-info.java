/** The equity curve drawn as SVG, from plain series; no framework. */
package io.tradecore.portfolio.chart;
