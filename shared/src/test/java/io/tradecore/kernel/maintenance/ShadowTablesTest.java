package io.tradecore.kernel.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowTablesTest {

    @Test
    void an_index_definition_moves_to_the_copy_under_its_own_name() {
        assertThat(ShadowTables.retarget("CREATE INDEX orders_by_owner ON it_1.orders USING btree (user_id, placed_at DESC)",
                "it_1.orders", "rm_9.orders"))
                .isEqualTo("CREATE INDEX orders_by_owner ON rm_9.orders USING btree (user_id, placed_at DESC)");
    }

    @Test
    void a_definition_that_does_not_name_the_table_once_is_refused() {
        assertThatThrownBy(() -> ShadowTables.retarget("CREATE INDEX x ON other.orders USING btree (a)", "it_1.orders",
                "rm_9.orders")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void identifiers_are_quoted_as_postgresql_quotes_them() {
        assertThat(ShadowTables.ident("orders")).isEqualTo("orders");
        assertThat(ShadowTables.ident("Mixed")).isEqualTo("\"Mixed\"");
        assertThat(ShadowTables.ident("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(ShadowTables.qualified("it_1", "order_fills")).isEqualTo("it_1.order_fills");
    }

    @Test
    void the_copies_run_first_on_the_search_path_and_replaced_tables_go_to_a_schema_of_their_own() {
        ShadowTables shadow = new ShadowTables("public", "rm_ab12", List.of("orders"));
        assertThat(shadow.searchPath()).isEqualTo("SET LOCAL search_path TO rm_ab12, public");
        assertThat(shadow.retired()).isEqualTo("rm_ab12_retired");
    }
}
