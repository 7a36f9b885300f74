package io.tradecore.portfolio;

import static io.tradecore.kernel.catalog.CatalogEntry.command;
import static io.tradecore.kernel.catalog.CatalogEntry.projector;
import static io.tradecore.kernel.catalog.CatalogEntry.query;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import io.tradecore.portfolio.domain.Portfolios;
import io.tradecore.portfolio.readmodel.PortfolioProjection;
import java.util.List;

/** portfolio's functions and their triggers. */
public final class PortfolioCatalog implements CatalogModule {

    private static final String READ_MODEL = PortfolioProjection.NAME;

    @Override
    public String domain() {
        return Portfolios.DOMAIN;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(
                command("createPortfolio", "POST", "/api/portfolios/create"),
                command("renamePortfolio", "POST", "/api/portfolios/{portfolioId}/rename"),
                command("addPortfolioAccount", "POST", "/api/portfolios/{portfolioId}/add-account"),
                command("removePortfolioAccount", "POST", "/api/portfolios/{portfolioId}/remove-account"),
                command("deletePortfolio", "POST", "/api/portfolios/{portfolioId}/delete"),
                query("listPortfolios", "/api/portfolios", READ_MODEL),
                query("getPortfolio", "/api/portfolios/{portfolioId}", READ_MODEL),
                query("getEquityCurve", "/api/portfolios/{portfolioId}/equity", READ_MODEL),
                query("getEquityChart", "/api/portfolios/{portfolioId}/equity.svg", READ_MODEL),
                query("getDailyPnl", "/api/portfolios/{portfolioId}/daily-pnl", READ_MODEL),
                query("getPortfolioMetrics", "/api/portfolios/{portfolioId}/metrics", READ_MODEL),
                query("getPortfolioExposure", "/api/portfolios/{portfolioId}/exposure", READ_MODEL),
                projector("projectPortfolios", "transport." + Portfolios.DOMAIN, "transport.broker_account",
                        "transport.position", "transport.virtual_broker"));
    }
}
