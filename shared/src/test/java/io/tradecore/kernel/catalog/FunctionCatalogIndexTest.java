package io.tradecore.kernel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.kernel.function.ConsistencyToken;
import io.tradecore.kernel.domain.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionCatalogIndexTest {

    private static CatalogModule module(String domain, CatalogEntry... entries) {
        return new CatalogModule() {
            @Override
            public String domain() {
                return domain;
            }

            @Override
            public List<CatalogEntry> functions() {
                return List.of(entries);
            }
        };
    }

    @Test
    void entries_belong_to_the_domain_of_their_module() {
        var index = new FunctionCatalogIndex(List.of(module("order",
                CatalogEntry.command("placeOrder", "POST", "/api/orders/place"),
                CatalogEntry.projector("projectOrders", "transport.order"))));
        assertThat(index.require("placeOrder").domain()).isEqualTo("order");
        assertThat(index.topicTriggered()).extracting(CatalogEntry::name).containsExactly("projectOrders");
        assertThat(index.domains()).containsExactly("order");
    }

    @Test
    void a_function_or_a_route_declared_twice_is_refused() {
        assertThatThrownBy(() -> new FunctionCatalogIndex(List.of(
                module("a", CatalogEntry.job("sweep", "rate(1 minute)")),
                module("b", CatalogEntry.job("sweep", "rate(1 minute)"))))).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> new FunctionCatalogIndex(List.of(module("a",
                CatalogEntry.query("getOne", "/api/things/{id}", null),
                CatalogEntry.query("getOther", "/api/things/{thingId}", null))))).hasMessageContaining("routed to both");
    }

    @Test
    void names_and_routes_follow_the_conventions() {
        assertThatThrownBy(() -> CatalogEntry.command("PlaceOrder", "POST", "/api/orders")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatalogEntry.command("placeOrder", "POST", "/orders")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new HttpRoute("POST", "/api/users/{userId}/change-email", false, null).variables()).containsExactly("userId");
    }

    @Test
    void a_consistency_token_round_trips_and_garbage_is_refused() {
        var token = ConsistencyToken.parse(ConsistencyToken.of("0192-abc", 42));
        assertThat(token).isEqualTo(new ConsistencyToken("0192-abc", 42));
        assertThatThrownBy(() -> ConsistencyToken.parse("no-version@")).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> ConsistencyToken.parse("x@y")).isInstanceOf(Rejection.class);
    }
}
